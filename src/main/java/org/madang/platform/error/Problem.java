package org.madang.platform.error;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document, localised. */
public record Problem(ProblemType type, String title, String detail, String instance, List<Field> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public record Field(String field, String message) {
    }

    public JsonObject toJson() {
        var json = Json.createObjectBuilder()
                .add("type", type.uri().toString())
                .add("title", title)
                .add("status", type.status());
        if (detail != null) json.add("detail", detail);
        if (instance != null) json.add("instance", instance);
        if (!errors.isEmpty()) {
            var array = Json.createArrayBuilder();
            errors.forEach(e -> array.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", array);
        }
        return json.build();
    }

    public Response toResponse() {
        var builder = Response.status(type.status()).type(MEDIA_TYPE).entity(toJson().toString());
        if (type == ProblemType.UNAUTHENTICATED || type == ProblemType.MFA_REQUIRED || type == ProblemType.BAD_CREDENTIALS) {
            builder.header("WWW-Authenticate", "Bearer realm=\"madang\"");
        }
        return builder.build();
    }
}
