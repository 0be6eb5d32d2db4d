package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Session;

/**
 * {@code /openapi} describes every JAX-RS resource method of the build: found here by reflection over the classes in
 * target/classes, independently of the code that writes the document.
 */
class OpenApiIT {

    private static JsonObject document;

    @BeforeAll
    static void fetch() {
        var reply = Session.anonymous().get("/openapi?format=JSON");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        document = reply.json();
    }

    @Test
    void describesTheApi() {
        var info = document.getJsonObject("info");
        assertThat(info.getString("title")).isEqualTo("Madang API");
        assertThat(info.getString("version")).isNotBlank().isNotEqualTo("unknown");
        assertThat(info.getString("description")).contains("problem+json").contains("마당");
        assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").keySet())
                .contains("bearerAuth", "cookieAuth");
    }

    @Test
    void everyResourceMethodIsDocumentedUnderItsPathAndMethod() throws Exception {
        var operations = resourceMethods();
        assertThat(operations).hasSizeGreaterThan(20);
        var paths = document.getJsonObject("paths");
        var missing = new ArrayList<String>();
        for (String[] operation : operations) {
            var item = paths.getJsonObject(operation[1]);
            if (item == null || !item.containsKey(operation[0].toLowerCase())) missing.add(operation[0] + " " + operation[1]);
        }
        assertThat(missing).as("operations missing from /openapi").isEmpty();
        assertThat(new ArrayList<>(paths.keySet())).as("paths in order").isSorted();
    }

    @Test
    void everyRequestBodyHasAnExampleAndEveryOperationItsProblems() {
        var paths = document.getJsonObject("paths");
        int bodies = 0;
        for (String path : paths.keySet()) {
            for (var operation : paths.getJsonObject(path).entrySet()) {
                var op = operation.getValue().asJsonObject();
                String where = operation.getKey().toUpperCase() + " " + path;
                assertThat(op.getJsonObject("responses").keySet()).as(where).contains("400", "404");
                if (op.containsKey("requestBody")) {
                    bodies++;
                    var content = op.getJsonObject("requestBody").getJsonObject("content");
                    assertThat(content.keySet()).as(where).isNotEmpty();
                    content.values().forEach(media -> assertThat(media.asJsonObject()).as(where + " example").containsKey("example"));
                    assertThat(op.getJsonObject("responses").keySet()).as(where).contains("413", "415");
                }
                if (op.containsKey("security")) {
                    assertThat(op.getString("description")).as(where).contains("Access:");
                    assertThat(op.getJsonObject("responses").keySet()).as(where).contains("401", "403");
                }
            }
        }
        assertThat(bodies).isGreaterThan(10);
        var badRequest = document.getJsonObject("components").getJsonObject("responses").getJsonObject("BadRequest")
                .getJsonObject("content").getJsonObject("application/problem+json");
        assertThat(badRequest.getJsonObject("schema").getString("$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(badRequest.getJsonObject("examples").getJsonObject("en").getJsonObject("value").getInt("status")).isEqualTo(400);
    }

    @Test
    void signUpDocumentsItsFieldsWithEmailRequired() {
        var signUp = document.getJsonObject("paths").getJsonObject("/api/accounts").getJsonObject("post");
        assertThat(signUp.getJsonArray("tags").getString(0)).isEqualTo("platform");
        assertThat(signUp.containsKey("security")).isFalse();
        var media = signUp.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json");
        var schema = resolve(media.getJsonObject("schema"));
        assertThat(schema.getJsonObject("properties").keySet()).containsExactlyInAnyOrder("email", "password", "displayName", "locale");
        assertThat(schema.getJsonArray("required").getValuesAs(JsonString::getString)).contains("email", "password", "displayName")
                .doesNotContain("locale");
        var email = schema.getJsonObject("properties").getJsonObject("email");
        assertThat(email.getString("format")).isEqualTo("email");
        assertThat(email.getInt("maxLength")).isEqualTo(254);
        var example = media.getJsonObject("example");
        assertThat(example.getString("email")).matches("[^@]+@[^@]+\\.[a-z]+");
        assertThat(example.getString("password").length()).isBetween(10, 128);

        var created201 = signUp.getJsonObject("responses").getJsonObject("201");
        assertThat(created201.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/AccountView");
        assertThat(created201.getJsonObject("content").getJsonObject("application/json").getJsonObject("example")
                .getJsonArray("roles")).isNotEmpty();

        // the documented example is a request the server accepts
        var created = Session.anonymous().post("/api/accounts", example.toString().replace("minji.kim@", "openapi-it-" + System.nanoTime() + "@"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void securedOperationsNameTheirRoles() {
        var revoke = document.getJsonObject("paths").getJsonObject("/api/admin/users/{id}/roles/{role}").getJsonObject("delete");
        assertThat(revoke.getString("description")).contains("ADMIN").contains("ORG_ADMIN");
        assertThat(revoke.getJsonArray("security")).isNotEmpty();
        var id = revoke.getJsonArray("parameters").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals("id")).findFirst().orElseThrow();
        assertThat(id.getString("in")).isEqualTo("path");
        assertThat(id.getBoolean("required")).isTrue();
        assertThat(id.getJsonObject("schema").getString("format")).isEqualTo("uuid");
    }

    private static JsonObject resolve(JsonObject schema) {
        if (!schema.containsKey("$ref")) return schema;
        String name = schema.getString("$ref").substring("#/components/schemas/".length());
        return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }

    /** [HTTP method, full path] of every resource method of the classes in target/classes. */
    /** Every resource method as {method, path}, with path parameters written as OpenAPI writes them ({path}, no regex). */
    private static List<String[]> resourceMethods() {
        return org.madang.testing.RoleMatrix.declaredResourceMethods(java.nio.file.Path.of("target", "classes")).stream()
                .map(m -> m.split(" ", 2)).toList();
    }
}
