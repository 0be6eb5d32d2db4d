package org.madang.verifier.trustee;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;

/**
 * The trustee's HTTP client of Madang's elections API: JSON over HTTP/1.1 with a bearer token from
 * {@code POST /api/tokens}, refreshed with {@code POST /api/tokens/refresh} when a call answers 401
 * (and, if the refresh token is refused too, signed in again). Nothing it sends is secret except
 * the password, which it never prints.
 */
final class RelayClient {

    /** Responses are public election data; 64 MiB is the record limit. */
    private static final JsonReader.Limits LIMITS = JsonReader.Limits.RECORD;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(15)).build();
    private final URI server;
    private final String email;
    private final char[] password;
    private final Supplier<String> code;
    private String accessToken;
    private String refreshToken;

    /** @param code the current TOTP code, or null when the account has none; asked for at every sign-in */
    RelayClient(URI server, String email, char[] password, Supplier<String> code) {
        this.server = server;
        this.email = email;
        this.password = password.clone();
        this.code = code;
    }

    void signIn() throws RelayException {
        Map<String, JsonValue> body = new LinkedHashMap<>();
        body.put("email", JsonValue.of(email));
        body.put("password", JsonValue.of(new String(password)));
        String c = code == null ? null : code.get();
        if (c != null && !c.isBlank()) {
            body.put("code", JsonValue.of(c.strip()));
        }
        tokens(send("POST", "/api/tokens", new JsonValue.JsonObject(body), false), "sign-in");
    }

    private boolean refresh() {
        if (refreshToken == null) {
            return false;
        }
        try {
            tokens(send("POST", "/api/tokens/refresh",
                    new JsonValue.JsonObject(Map.of("refreshToken", JsonValue.of(refreshToken))), false), "token refresh");
            return true;
        } catch (RelayException e) {
            return false;
        }
    }

    private void tokens(JsonValue response, String what) throws RelayException {
        if (response instanceof JsonValue.JsonObject o && o.members().get("accessToken") instanceof JsonValue.JsonString a) {
            accessToken = a.value();
            refreshToken = o.members().get("refreshToken") instanceof JsonValue.JsonString r ? r.value() : null;
            return;
        }
        throw new RelayException(0, what + ": the server's answer has no accessToken");
    }

    JsonValue get(String path) throws RelayException {
        return authorized("GET", path, null);
    }

    JsonValue post(String path, JsonValue body) throws RelayException {
        return authorized("POST", path, body);
    }

    private JsonValue authorized(String method, String path, JsonValue body) throws RelayException {
        if (accessToken == null) {
            signIn();
        }
        try {
            return send(method, path, body, true);
        } catch (RelayException e) {
            if (e.status() != 401) {
                throw e;
            }
            if (!refresh()) {
                signIn();
            }
            return send(method, path, body, true);
        }
    }

    /** One request; a 2xx answer's JSON (JSON null for an empty body), otherwise the problem's title and detail. */
    private JsonValue send(String method, String path, JsonValue body, boolean withToken) throws RelayException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json");
        if (withToken) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JsonWriter.write(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // a refused connection carries no message, only its type
            throw new RelayException(0, "cannot reach " + server + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayException(0, "interrupted");
        }
        int status = response.statusCode();
        byte[] bytes = response.body();
        if (status / 100 == 2) {
            if (bytes.length == 0) {
                return JsonValue.JsonNull.NULL;
            }
            try {
                return JsonReader.parse(bytes, LIMITS);
            } catch (JsonException e) {
                throw new RelayException(status, method + " " + path + ": the server answered malformed JSON: " + e.getMessage());
            }
        }
        throw new RelayException(status, method + " " + path + ": HTTP " + status + problem(bytes));
    }

    /** " title: detail" from an RFC 9457 problem, or the start of whatever else came back. */
    private static String problem(byte[] bytes) {
        try {
            if (JsonReader.parse(bytes, LIMITS) instanceof JsonValue.JsonObject o) {
                String title = o.members().get("title") instanceof JsonValue.JsonString t ? t.value() : "";
                String detail = o.members().get("detail") instanceof JsonValue.JsonString d ? d.value() : "";
                String text = (title + (detail.isEmpty() ? "" : ": " + detail)).strip();
                return text.isEmpty() ? "" : " " + oneLine(text);
            }
        } catch (JsonException notJson) {
            // fall through
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : " " + oneLine(text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
