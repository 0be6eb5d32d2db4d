package org.madang.platform.openapi;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SessionCookies;
import org.madang.platform.error.Messages;
import org.madang.platform.error.ProblemType;

/**
 * The whole OpenAPI document at {@code /openapi}, built by reflection over the application's JAX-RS resources
 * (configured as {@code mp.openapi.model.reader}; Payara's own annotation scanner is disabled because it mistakes the
 * Bean Validation annotations on record constructors for JAX-RS parameters). Every resource under {@code org.madang}
 * appears without registration. Optional MicroProfile OpenAPI annotations refine it: {@code @Operation(summary,
 * description)} and {@code @APIResponse} on a resource method, {@code @Schema(example, description)} on a record
 * component.
 */
public class MadangModelReader implements OASModelReader {

    static final String ROOT_PACKAGE = "org.madang";
    static final String PROBLEM = "Problem";
    static final String BEARER = "bearerAuth";
    static final String COOKIE = "cookieAuth";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** The shared error responses, by status: name in components.responses and the problem type of the example. */
    private static final Map<String, ProblemType> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", ProblemType.VALIDATION);
        ERRORS.put("401", ProblemType.UNAUTHENTICATED);
        ERRORS.put("403", ProblemType.FORBIDDEN);
        ERRORS.put("404", ProblemType.NOT_FOUND);
        ERRORS.put("409", ProblemType.CONFLICT);
        ERRORS.put("413", ProblemType.PAYLOAD_TOO_LARGE);
        ERRORS.put("415", ProblemType.UNSUPPORTED_MEDIA_TYPE);
        ERRORS.put("429", ProblemType.RATE_LIMITED);
    }

    private static final Map<String, String> TAG_DESCRIPTIONS = Map.of(
            "platform", "Accounts, sign-in, tokens, organisations, roles, audit log, mail outbox / 계정, 로그인, 조직, 역할, 감사 기록",
            "forum", "E-forums and moderation / 전자 토론과 관리",
            "consultation", "Policy consultations, comments and official responses / 정책 의견 수렴",
            "poll", "Quick opinion polls / 간편 여론 조사",
            "disclosure", "Proactive publication and information-disclosure requests / 정보 공개와 정보공개 청구",
            "privacy", "Consent, personal-data access log, export, correction, erasure / 개인정보 동의, 열람 기록, 내려받기, 정정, 삭제",
            "election", "Verifiable elections: roll, credentials, ballots, bulletin board, tally / 검증 가능한 전자 투표");

    @Override
    public OpenAPI buildModel() {
        var classes = ResourceClasses.scan(MadangModelReader.class.getClassLoader(), ROOT_PACKAGE);
        return build(Endpoints.of(classes), buildVersion());
    }

    static OpenAPI build(List<Endpoint> endpoints, String version) {
        var schemas = new Schemas();
        var openApi = OASFactory.createOpenAPI().openapi("3.0.3")
                .info(OASFactory.createInfo().title("Madang API").version(version).description(DESCRIPTION));
        var paths = OASFactory.createPaths();
        var pathItems = new TreeMap<String, PathItem>();
        var tags = new java.util.TreeSet<String>();
        for (Endpoint endpoint : endpoints) {
            var item = pathItems.computeIfAbsent(endpoint.path(), p -> OASFactory.createPathItem());
            item.setOperation(PathItem.HttpMethod.valueOf(endpoint.httpMethod()), operation(endpoint, schemas));
            tags.add(endpoint.tag());
        }
        pathItems.forEach(paths::addPathItem);
        openApi.paths(paths);
        tags.forEach(tag -> openApi.addTag(OASFactory.createTag().name(tag).description(TAG_DESCRIPTIONS.get(tag))));

        var components = OASFactory.createComponents();
        components.addSchema(PROBLEM, problemSchema());
        schemas.components().forEach((name, schema) -> components.addSchema(name, toModel(schema)));
        ERRORS.forEach((status, type) -> components.addResponse(responseName(type), problemResponse(type)));
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token from POST /api/tokens (ES256 JWT), in the Authorization header."
                        + " / API 클라이언트용 액세스 토큰"));
        components.addSecurityScheme(COOKIE, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name(SessionCookies.ACCESS)
                .description("The browser session from POST /api/sessions (HttpOnly cookie). Requests that change state must also"
                        + " send the CSRF token from the " + SessionCookies.CSRF + " cookie in the X-CSRF-Token header."
                        + " / 브라우저 세션 쿠키 (상태를 바꾸는 요청에는 X-CSRF-Token 헤더 필요)"));
        openApi.components(components);
        return openApi;
    }

    private static org.eclipse.microprofile.openapi.models.Operation operation(Endpoint endpoint, Schemas schemas) {
        Method method = endpoint.method();
        var operation = OASFactory.createOperation().operationId(endpoint.operationId()).addTag(endpoint.tag());
        var explicit = method.getAnnotation(Operation.class);
        operation.summary(explicit != null && !explicit.summary().isEmpty() ? explicit.summary() : words(method.getName()));
        var description = new ArrayList<String>();
        if (explicit != null && !explicit.description().isEmpty()) description.add(explicit.description());
        description.add(accessText(endpoint.access()));
        operation.description(String.join("\n\n", description));
        if (explicit != null && explicit.deprecated()) operation.deprecated(true);

        for (Endpoint.Param param : endpoint.parameters()) {
            operation.addParameter(parameter(param, schemas));
        }
        if (endpoint.body() != null) {
            var schema = schemas.of(endpoint.body().getAnnotatedType(), endpoint.body());
            Object example = Examples.of(schema, schemas);
            var content = OASFactory.createContent();
            for (String type : bodyTypes(endpoint.consumes())) {
                content.addMediaType(type, OASFactory.createMediaType().schema(toModel(schema)).example(example));
            }
            operation.requestBody(OASFactory.createRequestBody().content(content)
                    .required(endpoint.body().isAnnotationPresent(jakarta.validation.constraints.NotNull.class)));
        }

        var responses = OASFactory.createAPIResponses();
        successResponses(endpoint, schemas).forEach(responses::addAPIResponse);
        for (String status : errorStatuses(endpoint)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + responseName(ERRORS.get(status))));
        }
        operation.responses(responses);

        if (endpoint.access().secured()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(COOKIE));
        }
        return operation;
    }

    private static Parameter parameter(Endpoint.Param param, Schemas schemas) {
        var schema = new LinkedHashMap<String, Object>(param.type() == null ? Map.of("type", "string") : schemas.of(param.type(), param.element()));
        if (param.pattern() != null) schema.put("pattern", param.pattern());
        if (param.defaultValue() != null) schema.put("default", Examples.typed(param.defaultValue(), schema));
        var parameter = OASFactory.createParameter().name(param.name()).in(Parameter.In.valueOf(param.in().toUpperCase(Locale.ROOT)))
                .required(param.required()).schema(toModel(schema)).example(Examples.of(schema, schemas, param.name()));
        if ("cookie".equals(param.in())) {
            parameter.description("Set by the server as an HttpOnly cookie; browsers send it on their own. / 서버가 설정하는 쿠키");
        }
        return parameter;
    }

    private static List<String> bodyTypes(List<String> consumes) {
        var types = consumes.stream().filter(t -> !t.equals(MediaType.WILDCARD)).toList();
        return types.isEmpty() ? List.of(MediaType.APPLICATION_JSON) : types;
    }

    /** From {@code @APIResponse} if present; else 204 for void, 200 with the schema for a typed result, 2XX for a Response. */
    private static Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> successResponses(Endpoint endpoint, Schemas schemas) {
        var result = new LinkedHashMap<String, org.eclipse.microprofile.openapi.models.responses.APIResponse>();
        Method method = endpoint.method();
        var declared = new ArrayList<APIResponse>(Arrays.asList(method.getAnnotationsByType(APIResponse.class)));
        if (method.getAnnotation(APIResponses.class) != null) declared.addAll(Arrays.asList(method.getAnnotation(APIResponses.class).value()));
        for (APIResponse response : declared) {
            if (response.responseCode().isEmpty() || response.responseCode().startsWith("4") || response.responseCode().startsWith("5")) continue;
            var model = OASFactory.createAPIResponse().description(response.description().isEmpty()
                    ? statusText(response.responseCode()) : response.description());
            for (var content : response.content()) {
                Class<?> type = content.schema().implementation();
                if (type == Void.class) continue;
                var schema = schemas.of(type);
                String mediaType = content.mediaType().isEmpty() ? first(endpoint.produces()) : content.mediaType();
                model.content(OASFactory.createContent().addMediaType(mediaType,
                        OASFactory.createMediaType().schema(toModel(schema)).example(Examples.of(schema, schemas))));
            }
            result.put(response.responseCode(), model);
        }
        if (!result.isEmpty()) return result;

        Class<?> returned = method.getReturnType();
        if (returned == void.class || returned == Void.class) {
            result.put("204", OASFactory.createAPIResponse().description(statusText("204")));
        } else if (Response.class.isAssignableFrom(returned)) {
            result.put("2XX", OASFactory.createAPIResponse().description("Success: 200 OK with a JSON body, 201 Created (with a"
                    + " Location header), 202 Accepted or 204 No Content. / 성공"));
        } else {
            var schema = new LinkedHashMap<>(schemas.of(method.getAnnotatedReturnType(), method));
            if (returned == String.class && endpoint.produces().stream().anyMatch(t -> t.contains("json"))) {
                schema = new LinkedHashMap<>(Map.of("type", "object", "description", "A JSON document"));
            }
            var content = OASFactory.createContent();
            Object example = Examples.of(schema, schemas);
            for (String type : endpoint.produces()) {
                content.addMediaType(type, OASFactory.createMediaType().schema(toModel(schema)).example(example));
            }
            result.put("200", OASFactory.createAPIResponse().description(statusText("200")).content(content));
        }
        return result;
    }

    /** The problems a caller may meet: all of them where they can happen, never one that cannot. */
    static List<String> errorStatuses(Endpoint endpoint) {
        var statuses = new ArrayList<String>();
        statuses.add("400");
        if (endpoint.access().secured() || endpoint.changesState()) {
            statuses.add("401"); // not signed in, or wrong credentials and expired tokens on the sign-in endpoints
            statuses.add("403"); // missing role, or a cookie session without its CSRF token
        }
        statuses.add("404");
        if (endpoint.changesState()) statuses.add("409");
        if (endpoint.body() != null) {
            statuses.add("413");
            statuses.add("415");
        }
        if (endpoint.changesState()) statuses.add("429");
        return statuses;
    }

    private static String accessText(Endpoint.Access access) {
        if (access.permitAll()) return "Access: everyone, signed in or not. / 누구나 이용할 수 있습니다.";
        if (access.denyAll()) return "Access: nobody (no access rule is declared). / 이용할 수 없습니다.";
        if (access.roles().contains(Role.ANY_SIGNED_IN)) return "Access: any signed-in person. / 로그인한 사람은 누구나 이용할 수 있습니다.";
        String roles = String.join(", ", access.roles());
        boolean staff = access.roles().stream().anyMatch(MadangModelReader::isStaff);
        return "Access: signed in with one of the roles " + roles + "."
                + (staff ? " Staff roles are active only in a session signed in with a second factor (TOTP)." : "")
                + " / 필요한 역할: " + roles + (staff ? " (직원 역할은 2단계 인증 후에만 활성화됩니다)" : "");
    }

    private static boolean isStaff(String role) {
        try {
            return Role.valueOf(role).isStaff();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static String responseName(ProblemType type) {
        return switch (type.status()) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 429 -> "TooManyRequests";
            default -> "Problem" + type.status();
        };
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problemResponse(ProblemType type) {
        var examples = new LinkedHashMap<String, Example>();
        for (Locale locale : List.of(Messages.KOREAN, Messages.ENGLISH)) {
            examples.put(locale.getLanguage(), OASFactory.createExample().summary(locale == Messages.KOREAN ? "한국어" : "English")
                    .value(problemExample(type, locale)));
        }
        return OASFactory.createAPIResponse()
                .description(type.title(false) + " / " + type.title(true) + " (RFC 9457 problem; the title and detail follow"
                        + " Accept-Language, Korean by default)")
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)).examples(examples)));
    }

    static Map<String, Object> problemExample(ProblemType type, Locale locale) {
        boolean korean = locale == Messages.KOREAN;
        var example = new LinkedHashMap<String, Object>();
        example.put("type", type.uri().toString());
        example.put("title", type.title(korean));
        example.put("status", type.status());
        String key = switch (type) {
            case VALIDATION -> "validation.fields";
            case UNAUTHENTICATED -> "http.unauthenticated";
            case FORBIDDEN -> "http.forbidden";
            case NOT_FOUND -> "http.not-found";
            case PAYLOAD_TOO_LARGE -> "http.payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "http.unsupported-media-type";
            case RATE_LIMITED -> "rateLimited";
            default -> null;
        };
        String detail = key == null ? null : Messages.text(locale, key);
        example.put("detail", detail == null || detail.equals(key) ? type.title(korean) : detail);
        example.put("instance", "/api/accounts");
        if (type == ProblemType.VALIDATION) {
            example.put("errors", List.of(Map.of("field", "email", "message", Messages.text(locale, "constraint.Email"))));
        }
        return example;
    }

    private static Schema problemSchema() {
        var field = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING).description("The request field, e.g. email"))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document, in Korean or English (Accept-Language). / RFC 9457 오류 응답")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri")
                        .description("Stable problem type URI, e.g. " + ProblemType.VALIDATION.uri()))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(field)
                        .description("The fields that were refused, with the reasons"))
                .required(List.of("type", "title", "status"));
    }

    /** The MicroProfile model of one of {@link Schemas}' plain schemas. */
    @SuppressWarnings("unchecked")
    static Schema toModel(Map<String, Object> map) {
        var schema = OASFactory.createSchema();
        map.forEach((key, value) -> {
            switch (key) {
                case "$ref" -> schema.ref((String) value);
                case "type" -> schema.type(Schema.SchemaType.valueOf(((String) value).toUpperCase(Locale.ROOT)));
                case "format" -> schema.format((String) value);
                case "description" -> schema.description((String) value);
                case "pattern" -> schema.pattern((String) value);
                case "minLength" -> schema.minLength(((Number) value).intValue());
                case "maxLength" -> schema.maxLength(((Number) value).intValue());
                case "minItems" -> schema.minItems(((Number) value).intValue());
                case "maxItems" -> schema.maxItems(((Number) value).intValue());
                case "minProperties" -> schema.minProperties(((Number) value).intValue());
                case "maxProperties" -> schema.maxProperties(((Number) value).intValue());
                case "uniqueItems" -> schema.uniqueItems((Boolean) value);
                case "minimum" -> schema.minimum(new BigDecimal(value.toString()));
                case "maximum" -> schema.maximum(new BigDecimal(value.toString()));
                case "exclusiveMinimum" -> schema.exclusiveMinimum((Boolean) value);
                case "exclusiveMaximum" -> schema.exclusiveMaximum((Boolean) value);
                case "enum" -> schema.enumeration(new ArrayList<>((List<Object>) value));
                case "required" -> schema.required(new ArrayList<>((List<String>) value));
                case "example" -> schema.example(value);
                case "default" -> schema.defaultValue(value);
                case "items" -> schema.items(toModel((Map<String, Object>) value));
                case "additionalProperties" -> schema.additionalPropertiesSchema(toModel((Map<String, Object>) value));
                case "properties" -> ((Map<String, Map<String, Object>>) value).forEach((name, property) -> schema.addProperty(name, toModel(property)));
                default -> { }
            }
        });
        return schema;
    }

    private static String first(List<String> types) {
        return types.isEmpty() ? MediaType.APPLICATION_JSON : types.get(0);
    }

    private static String statusText(String code) {
        return switch (code) {
            case "200" -> "OK";
            case "201" -> "Created";
            case "202" -> "Accepted";
            case "204" -> "No content";
            default -> "Success";
        };
    }

    /** {@code signUp} → "Sign up". */
    static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String buildVersion() {
        try (InputStream in = MadangModelReader.class.getResourceAsStream("build.properties")) {
            if (in == null) return "unknown";
            var properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static final String DESCRIPTION = """
            Madang (마당) is a citizen e-participation platform: policy consultations, e-forums, quick polls, \
            information disclosure, privacy controls and end-to-end verifiable elections. Every JSON endpoint is under \
            /api. Errors are RFC 9457 problem documents (application/problem+json) with stable type URIs. API clients \
            sign in at POST /api/tokens and send `Authorization: Bearer <token>`; browsers sign in at POST /api/sessions, \
            which sets HttpOnly cookies, and echo the CSRF token in the X-CSRF-Token header on state-changing requests. \
            Texts follow Accept-Language (Korean by default, or English).

            마당은 시민 전자 참여 플랫폼입니다: 정책 의견 수렴, 전자 토론, 간편 여론 조사, 정보 공개, 개인정보 관리, \
            종단간 검증 가능한 전자 투표. 모든 JSON API는 /api 아래에 있습니다. 오류는 RFC 9457 형식 \
            (application/problem+json)이며 고정된 type URI를 가집니다. API 클라이언트는 POST /api/tokens 로 로그인하여 \
            `Authorization: Bearer <토큰>` 헤더를 보내고, 브라우저는 POST /api/sessions 로 로그인하여 HttpOnly 쿠키를 받고 \
            상태를 바꾸는 요청에 X-CSRF-Token 헤더를 함께 보냅니다. 안내 문구는 Accept-Language 에 따라 한국어(기본) \
            또는 영어로 제공됩니다.""";
}
