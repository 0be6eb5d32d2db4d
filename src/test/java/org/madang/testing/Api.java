package org.madang.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP calls to the running server, as an API client (bearer token), as a browser (cookies + CSRF header), or as
 * nobody. Each {@link Session} keeps its own cookies.
 */
public final class Api {

    private Api() {
    }

    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (status " + status + ", " + contentType + "): " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    /** Who makes the calls: nobody, a bearer token, or a browser's cookie jar. */
    public static final class Session {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        /*
         * HTTP/1.1, as browsers (which never use cleartext HTTP/2) and the TLS-terminating proxy speak to the server. The
         * JDK client's default, an h2c upgrade, drew spurious bare 431 answers from Payara Micro's listener.
         */
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private String bearer;
        private boolean sendCsrf = true;
        private String language = "ko";
        /** Which instance of a cluster to call directly; null for the public address (the load balancer). */
        private volatile Integer instance;

        public static Session anonymous() {
            return new Session();
        }

        public static Session bearer(String token) {
            var session = new Session();
            session.bearer = token;
            return session;
        }

        public Session withoutCsrfHeader() {
            sendCsrf = false;
            return this;
        }

        public Session speaking(String languageTag) {
            language = languageTag;
            return this;
        }

        /** Calls instance {@code index} directly instead of the public address; null goes back to the public address. */
        public Session via(Integer index) {
            instance = index;
            return this;
        }

        public String bearerToken() { return bearer; }
        public void useBearer(String token) { bearer = token; }

        public Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst();
        }

        /** Puts a cookie in this session's jar as if the server (or someone else) had set it. */
        public Session plantCookie(String name, String value, String path) {
            var cookie = new HttpCookie(name, value);
            cookie.setPath(path);
            cookie.setVersion(0);
            cookies.getCookieStore().add(MadangServer.get().uri("/"), cookie);
            return this;
        }

        public Reply get(String path) { return send("GET", path, null, null, Map.of()); }
        public Reply delete(String path) { return send("DELETE", path, null, null, Map.of()); }
        public Reply delete(String path, String json) { return send("DELETE", path, json, "application/json", Map.of()); }
        public Reply post(String path, String json) { return send("POST", path, json, "application/json", Map.of()); }
        public Reply put(String path, String json) { return send("PUT", path, json, "application/json", Map.of()); }
        public Reply patch(String path, String json) { return send("PATCH", path, json, "application/json", Map.of()); }
        public Reply post(String path) { return send("POST", path, null, null, Map.of()); }

        public Reply send(String method, String path, String body, String contentType, Map<String, String> headers) {
            return sendRaw(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                    contentType, headers);
        }

        /** Any body: raw bytes, or a stream (sent chunked, without Content-Length). */
        public Reply sendRaw(String method, String path, HttpRequest.BodyPublisher body, String contentType, Map<String, String> headers) {
            Integer target = instance;
            var uri = target == null ? MadangServer.get().uri(path) : MadangServer.get().instanceUri(target, path);
            var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .method(method, body)
                    .header("Accept-Language", language);
            if (contentType != null) builder.header("Content-Type", contentType);
            if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
            var csrf = cookie("madang_csrf");
            if (sendCsrf && csrf.isPresent() && !csrf.get().isEmpty() && !method.equals("GET")) {
                builder.header("X-CSRF-Token", csrf.get());
            }
            var all = new LinkedHashMap<>(headers);
            all.forEach(builder::header);
            try {
                var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        response.body(), response.headers());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A JSON object from alternating names and values, escaped properly. */
    public static String json(Object... namesAndValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) builder.addNull(name);
            else if (value instanceof Integer n) builder.add(name, n);
            else if (value instanceof Long n) builder.add(name, n);
            else if (value instanceof Boolean b) builder.add(name, b);
            else if (value instanceof jakarta.json.JsonValue v) builder.add(name, v);
            else builder.add(name, value.toString());
        }
        return builder.build().toString();
    }
}
