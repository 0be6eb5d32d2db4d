package org.madang.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madang.platform.account.boundary.AccountsResource;
import org.madang.platform.account.boundary.AccountView;

/** The schema and example generator behind /openapi, on the application's own resources and on small records. */
class SchemasAndExamplesTest {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ResourceClasses classes = ResourceClasses.scan(getClass().getClassLoader(), MadangModelReader.ROOT_PACKAGE);
    private final List<Endpoint> endpoints = Endpoints.of(classes);

    @Test
    void signUpBodyHasItsFieldsConstraintsAndARealisticExample() {
        var schemas = new Schemas();
        var schema = schemas.of(AccountsResource.SignUp.class);
        assertThat(schema).containsEntry("$ref", Schemas.REF_PREFIX + "AccountsResource.SignUp");
        var signUp = schemas.resolve(schema);
        assertThat(signUp.get("required")).isEqualTo(List.of("email", "password", "displayName"));
        var email = property(signUp, "email");
        assertThat(email).containsEntry("type", "string").containsEntry("format", "email").containsEntry("maxLength", 254)
                .containsEntry("minLength", 1);
        assertThat(property(signUp, "password")).containsEntry("minLength", 10).containsEntry("maxLength", 128);
        assertThat(property(signUp, "locale")).containsEntry("pattern", "ko|en");

        @SuppressWarnings("unchecked")
        var example = (Map<String, Object>) Examples.of(schema, schemas);
        assertThat(example).containsOnlyKeys("email", "password", "displayName", "locale");
        assertThat((String) example.get("email")).matches(EMAIL);
        assertThat((String) example.get("password")).hasSizeBetween(10, 128);
        assertThat(example.get("locale")).isEqualTo("ko");
        assertThat(violations(schema, schemas, example, "SignUp")).isEmpty();
    }

    @Test
    void nestedRecordsListsUuidsInstantsAndEnums() {
        var schemas = new Schemas();
        var view = schemas.resolve(schemas.of(AccountView.class));
        assertThat(property(view, "id")).containsEntry("format", "uuid");
        assertThat(property(view, "createdAt")).containsEntry("format", "date-time");
        assertThat(property(view, "totpEnabled")).containsEntry("type", "boolean");
        var roles = property(view, "roles");
        assertThat(roles).containsEntry("type", "array");
        assertThat(roles.get("items")).isEqualTo(Map.of("$ref", Schemas.REF_PREFIX + "AccountView.RoleView"));
        assertThat(schemas.components()).containsKey("AccountView.RoleView");

        @SuppressWarnings("unchecked")
        var example = (Map<String, Object>) Examples.of(schemas.of(AccountView.class), schemas);
        assertThat((String) example.get("id")).matches(UUID_TEXT);
        assertThat((String) example.get("email")).matches(EMAIL);
        assertThat(example.get("roles")).asList().hasSize(1);

        var role = schemas.resolve(schemas.of(Sample.class));
        assertThat(property(role, "level").get("enum")).isEqualTo(List.of("LOW", "HIGH"));
        assertThat(role.get("required")).isEqualTo(List.of("level", "tags"));
        assertThat(property(role, "tags")).containsEntry("minItems", 1).containsEntry("maxItems", 3);
        @SuppressWarnings("unchecked")
        var items = (Map<String, Object>) property(role, "tags").get("items");
        assertThat(items).containsEntry("maxLength", 5);
        assertThat(property(role, "self")).containsEntry("$ref", Schemas.REF_PREFIX + "SchemasAndExamplesTest.Sample");
        var sample = Examples.of(schemas.of(Sample.class), schemas);
        assertThat(violations(schemas.of(Sample.class), schemas, sample, "Sample")).isEmpty();
    }

    @Test
    void explicitSchemaAnnotationGivesTheExample() {
        var schemas = new Schemas();
        @SuppressWarnings("unchecked")
        var example = (Map<String, Object>) Examples.of(schemas.of(Annotated.class), schemas);
        assertThat(example).containsEntry("district", "부산광역시 해운대구").containsEntry("count", 7L);
        assertThat(property(schemas.resolve(schemas.of(Annotated.class)), "district")).containsEntry("description", "Where one lives");
    }

    @Test
    void findsEveryResourceOfTheApplicationWithFullPaths() {
        assertThat(classes.applicationPath()).isEqualTo("/api");
        assertThat(classes.resources()).extracting(Class::getSimpleName)
                .contains("AccountsResource", "MeResource", "SessionsResource", "SigningKeysResource", "AdminUsersResource");
        assertThat(endpoints).extracting(e -> e.httpMethod() + " " + e.path())
                .contains("POST /api/accounts", "GET /api/me", "PATCH /api/me", "GET /api/keys", "POST /api/keys/rotations",
                        "POST /api/admin/users/{id}/roles", "DELETE /api/admin/users/{id}/roles/{role}", "GET /api/organisations/{id}")
                .allMatch(s -> !s.contains("//") && !s.endsWith("/"));
        var revoke = endpoint("DELETE", "/api/admin/users/{id}/roles/{role}");
        assertThat(revoke.parameters()).extracting(p -> p.in() + ":" + p.name())
                .containsExactly("path:id", "path:role", "query:organisationId");
        assertThat(revoke.access().roles()).containsExactlyInAnyOrder("ADMIN", "ORG_ADMIN");
        assertThat(revoke.tag()).isEqualTo("platform");
        assertThat(endpoint("POST", "/api/accounts").access().permitAll()).isTrue();
        assertThat(endpoint("GET", "/api/me").access().roles()).containsExactly("**");
        assertThat(endpoint("POST", "/api/sessions/refresh").parameters()).extracting(Endpoint.Param::in).containsExactly("cookie");
        assertThat(endpoints.stream().map(e -> e.path() + " " + e.httpMethod()).toList())
                .as("sorted by path").isSortedAccordingTo((a, b) -> a.split(" ")[0].compareTo(b.split(" ")[0]));
    }

    /** Every request body and every parameter of the real API has an example its own schema accepts. */
    @Test
    void everyExampleOfTheApiSatisfiesItsSchema() {
        var schemas = new Schemas();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.body() != null) {
                var schema = schemas.of(endpoint.body().getAnnotatedType(), endpoint.body());
                var example = Examples.of(schema, schemas);
                assertThat(example).as(endpoint.operationId()).isNotNull();
                assertThat(violations(schema, schemas, example, endpoint.operationId())).as(endpoint.operationId()).isEmpty();
            }
            for (var param : endpoint.parameters()) {
                if (param.type() == null) continue;
                var schema = schemas.of(param.type(), param.element());
                var example = Examples.of(schema, schemas, param.name());
                assertThat(violations(schema, schemas, example, endpoint.operationId() + "." + param.name())).isEmpty();
            }
        }
    }

    @Test
    void pathsJoinWithSingleSlashes() {
        assertThat(Endpoints.join("/api", "/", "accounts")).isEqualTo("/api/accounts");
        assertThat(Endpoints.join("api/", "/me/", "/totp/")).isEqualTo("/api/me/totp");
        assertThat(Endpoints.join("/api", "files/{path: .+/.+}")).isEqualTo("/api/files/{path: .+/.+}");
        assertThat(MadangModelReader.words("requestEmailChange")).isEqualTo("Request email change");
    }

    public enum Level { LOW, HIGH }

    public record Sample(@NotNull Level level, @NotEmpty @Size(max = 3) List<@Size(max = 5) String> tags, Sample self,
                         UUID organisationId) {
    }

    public record Annotated(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "부산광역시 해운대구", description = "Where one lives") String district,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "7") long count) {
    }

    private Endpoint endpoint(String method, String path) {
        return endpoints.stream().filter(e -> e.httpMethod().equals(method) && e.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + path + " not found"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Map<String, Object> schema, String name) {
        return ((Map<String, Map<String, Object>>) schema.get("properties")).get(name);
    }

    /** A small JSON Schema check of the keywords Schemas writes. */
    @SuppressWarnings("unchecked")
    static List<String> violations(Map<String, Object> schema, Schemas schemas, Object value, String where) {
        var found = new ArrayList<String>();
        schema = schemas.resolve(schema);
        if (value == null) {
            found.add(where + ": null");
            return found;
        }
        if (schema.get("enum") instanceof List<?> values && !values.contains(value)) found.add(where + ": not in " + values);
        switch (String.valueOf(schema.get("type"))) {
            case "string" -> {
                if (!(value instanceof String text)) {
                    found.add(where + ": not a string");
                    break;
                }
                if (schema.get("minLength") instanceof Integer min && text.length() < min) found.add(where + ": shorter than " + min);
                if (schema.get("maxLength") instanceof Integer max && text.length() > max) found.add(where + ": longer than " + max);
                if (schema.get("pattern") instanceof String p && !Pattern.compile(p).matcher(text).matches()) found.add(where + ": not " + p);
                if ("email".equals(schema.get("format")) && !EMAIL.matcher(text).matches()) found.add(where + ": not an e-mail");
                if ("uuid".equals(schema.get("format")) && !UUID_TEXT.matcher(text).matches()) found.add(where + ": not a UUID");
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) found.add(where + ": not an integer");
                else {
                    long n = ((Number) value).longValue();
                    if (schema.get("minimum") instanceof Number min && n < min.longValue()) found.add(where + ": below " + min);
                    if (schema.get("maximum") instanceof Number max && n > max.longValue()) found.add(where + ": above " + max);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) found.add(where + ": not a boolean");
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    found.add(where + ": not an array");
                    break;
                }
                if (schema.get("minItems") instanceof Integer min && list.size() < min) found.add(where + ": fewer than " + min);
                if (schema.get("maxItems") instanceof Integer max && list.size() > max) found.add(where + ": more than " + max);
                for (Object item : list) found.addAll(violations((Map<String, Object>) schema.get("items"), schemas, item, where + "[]"));
            }
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    found.add(where + ": not an object");
                    break;
                }
                for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!map.containsKey(name)) found.add(where + ": misses " + name);
                }
                var properties = (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
                map.forEach((k, v) -> {
                    if (properties.containsKey(k) && !(v instanceof Map<?, ?> m && m.isEmpty())) {
                        found.addAll(violations(properties.get(k), schemas, v, where + "." + k));
                    }
                });
            }
            default -> { }
        }
        return found;
    }
}
