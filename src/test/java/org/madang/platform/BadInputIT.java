package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.People;

/**
 * Whatever a client sends, the answer is a 4xx problem+json in the caller's language, never a server error or an
 * HTML page, and a refused request writes nothing.
 */
class BadInputIT {

    private static final int LIMIT = 64 * 1024;

    private static String signUp(String email) {
        return Api.json("email", email, "password", People.PASSWORD, "displayName", "입력 시민", "locale", "ko");
    }

    @Test
    void malformedJson() {
        for (String body : new String[] {"{\"email\": \"a@b.example\",", "{email: 'x'}", "not json", "{\"a\":1}}", "[", "\"",
                "{\"email\": \"\\uZZZZ\"}"}) {
            clientProblem(Session.anonymous().post("/api/accounts", body), 400, body);
        }
    }

    @Test
    void wrongTypes() {
        for (String body : new String[] {
                "{\"email\": [\"a@b.example\"], \"password\": \"" + People.PASSWORD + "\", \"displayName\": \"x\"}",
                "{\"email\": {\"x\": 1}, \"password\": \"" + People.PASSWORD + "\", \"displayName\": \"x\"}",
                "[1, 2, 3]", "42", "null", "true"}) {
            clientProblem(Session.anonymous().post("/api/accounts", body), 400, body);
        }
        var admin = People.admin().session();
        clientProblem(admin.post("/api/organisations", "{\"nameKo\": \"가\", \"nameEn\": \"A\", \"kind\": \"PLANET\"}"), 400, "unknown enum");
        clientProblem(admin.post("/api/organisations", "{\"nameKo\": \"가\", \"nameEn\": \"A\", \"kind\": \"MINISTRY\", \"parentId\": \"nope\"}"),
                400, "bad UUID in body");
        var organisation = People.ministry();
        clientProblem(admin.put("/api/organisations/" + organisation, "{\"nameKo\": \"가\", \"nameEn\": \"A\", \"version\": \"zero\"}"), 400, "string for int");
        clientProblem(admin.put("/api/organisations/" + organisation, "{\"nameKo\": \"가\", \"nameEn\": \"A\", \"version\": [1]}"), 400, "array for int");
        // a number too large for the field is not taken for another number: not a success, whatever else it is
        var huge = admin.put("/api/organisations/" + organisation, "{\"nameKo\": \"가\", \"nameEn\": \"A\", \"version\": 1e400}");
        assertThat(huge.status()).as(huge.toString()).isBetween(400, 499);
        assertThat(huge.isProblem()).isTrue();
        assertThat(Session.anonymous().get("/api/organisations/" + organisation).json().getString("nameEn")).isNotEqualTo("A");
    }

    @Test
    void unknownFieldsAreNamed() {
        String email = People.uniqueEmail("unknown-field");
        var reply = Session.anonymous().post("/api/accounts",
                "{\"email\": \"" + email + "\", \"password\": \"" + People.PASSWORD + "\", \"displayName\": \"x\", \"roles\": [\"ADMIN\"]}");
        clientProblem(reply, 400, "unknown field");
        assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("roles");
        signUpStillPossible(email);
    }

    @Test
    void deeplyNestedJson() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        clientProblem(Session.anonymous().post("/api/accounts", "{\"email\": " + deep + "}"), 400, "deep nesting");
    }

    @Test
    void oversizedBodyWithContentLength() {
        String email = People.uniqueEmail("oversized");
        String body = Api.json("email", email, "password", People.PASSWORD, "displayName", "x".repeat(LIMIT + 10));
        var reply = Session.anonymous().post("/api/accounts", body);
        clientProblem(reply, 413, "Content-Length over the limit");
        signUpStillPossible(email);
    }

    @Test
    void oversizedBodyChunked() {
        String email = People.uniqueEmail("chunked");
        byte[] body = Api.json("email", email, "password", People.PASSWORD, "displayName", "x".repeat(LIMIT + 10))
                .getBytes(StandardCharsets.UTF_8);
        var reply = Session.anonymous().sendRaw("POST", "/api/accounts", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                "application/json", Map.of());
        clientProblem(reply, 413, "chunked over the limit");
        signUpStillPossible(email);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        // the limit counts bytes, and a body under it reaches validation (the name is far too long)
        String body = Api.json("email", People.uniqueEmail("under"), "password", People.PASSWORD, "displayName", "x".repeat(LIMIT - 200));
        clientProblem(Session.anonymous().post("/api/accounts", body), 400, "under the limit");
    }

    @Test
    void wrongContentType() {
        String body = signUp(People.uniqueEmail("content-type"));
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            clientProblem(Session.anonymous().send("POST", "/api/accounts", body, type, Map.of()), 415, type);
        }
    }

    @Test
    void missingBody() {
        clientProblem(Session.anonymous().post("/api/accounts"), 400, "no body on sign-up");
        clientProblem(Session.anonymous().send("POST", "/api/tokens", "", "application/json", Map.of()), 400, "empty body on sign-in");
        clientProblem(People.citizen().session().send("POST", "/api/me/password", null, "application/json", Map.of()), 400, "no body");
    }

    @Test
    void invalidPathParametersAreNotFound() {
        var admin = People.admin().session();
        clientProblem(Session.anonymous().get("/api/organisations/not-a-uuid"), 404, "bad UUID");
        clientProblem(Session.anonymous().get("/api/organisations/" + java.util.UUID.randomUUID()), 404, "unknown id");
        clientProblem(admin.post("/api/admin/users/12345/roles", Api.json("role", "MODERATOR")), 404, "bad UUID");
        clientProblem(admin.delete("/api/admin/users/" + People.admin().id() + "/roles/EMPEROR"), 404, "unknown role");
        clientProblem(admin.post("/api/admin/users/" + java.util.UUID.randomUUID() + "/resident-verification",
                Api.json("district", "종로구")), 403, "admin is not a registrar");
        clientProblem(Session.anonymous().get("/api/nothing-here"), 404, "unknown path");
    }

    @Test
    void wrongMethodAndUnacceptableResponseType() {
        clientProblem(Session.anonymous().put("/api/keys", "{}"), 405, "PUT on a GET resource");
        clientProblem(Session.anonymous().send("GET", "/api/keys", null, null, Map.of("Accept", "application/xml")), 406, "XML wanted");
    }

    @Test
    void hugeAndMalformedQueryParameters() {
        var admin = People.admin().session();
        clientProblem(searchAccounts(admin, "/api/admin/users?q=" + "x".repeat(5000)), 400, "q over 100 characters");
        clientProblem(searchAccounts(admin, "/api/admin/users?limit=100000"), 400, "limit too high");
        clientProblem(searchAccounts(admin, "/api/admin/users?limit=0"), 400, "limit too low");
        clientProblem(searchAccounts(admin, "/api/admin/users?limit=abc"), 404, "limit not a number");
        clientProblem(admin.get("/api/audit?cursor=-5"), 400, "negative cursor");
        clientProblem(admin.get("/api/audit?cursor=abc"), 404, "cursor not a number");
        clientProblem(admin.get("/api/admin/outbox?cursor=yesterday"), 400, "cursor not an instant");
        // broken UTF-8 in a query parameter is decoded leniently (U+FFFD): harmless for a search, and never a server error
        var broken = searchAccounts(admin, "/api/admin/users?q=%E0%A4");
        assertThat(broken.status()).as(broken.toString()).isIn(200, 400);
    }

    /** Account searches read personal data: staff state a purpose (X-Access-Purpose). */
    private static Reply searchAccounts(Session admin, String path) {
        return admin.send("GET", path, null, null, Map.of("X-Access-Purpose", "checking hostile input handling"));
    }

    @Test
    void invalidUtf8() {
        String email = People.uniqueEmail("utf8");
        byte[] prefix = ("{\"email\": \"" + email + "\", \"password\": \"" + People.PASSWORD + "\", \"displayName\": \"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + broken.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(broken, 0, body, prefix.length, broken.length);
        System.arraycopy(suffix, 0, body, prefix.length + broken.length, suffix.length);
        var reply = Session.anonymous().sendRaw("POST", "/api/accounts", BodyPublishers.ofByteArray(body), "application/json", Map.of());
        clientProblem(reply, 400, "invalid UTF-8");
        signUpStillPossible(email);
    }

    @Test
    void refusedSignUpsWriteNothing() {
        String email = People.uniqueEmail("refused");
        clientProblem(Session.anonymous().post("/api/accounts", Api.json("email", email, "password", "short", "displayName", "x")), 400, "short password");
        clientProblem(Session.anonymous().post("/api/accounts", Api.json("email", email, "password", email, "displayName", "x")), 400, "password is the e-mail");
        clientProblem(Session.anonymous().post("/api/accounts", Api.json("email", email, "password", People.PASSWORD, "displayName", "<script>")),
                400, "markup in the name");
        clientProblem(Session.anonymous().post("/api/accounts", Api.json("email", email, "password", People.PASSWORD, "displayName", "x", "locale", "fr")),
                400, "unknown locale");
        signUpStillPossible(email);
        // and a second sign-up with the same address is a conflict, not a second account
        clientProblem(Session.anonymous().post("/api/accounts", signUp(email.toUpperCase())), 409, "e-mail taken");
    }

    @Test
    void titlesFollowAcceptLanguage() {
        for (String language : new String[] {"en", "en-US,en;q=0.9", "ko", "ko-KR", "fr, en;q=0.5", "", "*", "x-nonsense;q=abc"}) {
            var reply = Session.anonymous().speaking(language).post("/api/accounts", "{broken");
            boolean english = language.startsWith("en") || language.startsWith("fr");
            clientProblem(reply, 400, language);
            assertThat(reply.json().getString("title")).as(language)
                    .isEqualTo(english ? "The request could not be read" : "요청을 해석할 수 없습니다");
        }
    }

    private static void signUpStillPossible(String email) {
        var reply = Session.anonymous().post("/api/accounts", signUp(email));
        assertThat(reply.status()).as("the refused request left nothing behind: " + reply).isEqualTo(201);
    }

    /** A 4xx problem+json with the expected status, its status and title filled in, and no stack trace. */
    static void clientProblem(Reply reply, int status, String what) {
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(status);
        assertThat(reply.isProblem()).as(what + ": problem+json, not " + reply.contentType()).isTrue();
        var json = reply.json();
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("type")).startsWith("https://madang.example/problems/");
        assertThat(json.getString("title")).isNotBlank();
        assertThat(reply.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
