package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.People;

/** Browser sessions: cookies as designed, CSRF token required on state changes, refresh-token rotation and reuse. */
class BrowserSessionIT {

    private static Session browser(People.Person person) {
        var browser = Session.anonymous();
        var signIn = browser.post("/api/sessions", Api.json("email", person.email(), "password", person.password()));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        assertThat(signIn.json().getString("csrfToken")).isEqualTo(browser.cookie("madang_csrf").orElseThrow());
        return browser;
    }

    @Test
    void stateChangingRequestsNeedTheCsrfHeader() {
        var person = People.citizen();
        var browser = browser(person);
        String change = Api.json("displayName", "브라우저 시민");

        // no header
        var without = browser.withoutCsrfHeader().patch("/api/me", change);
        assertCsrfProblem(without);
        // a wrong header, and one from another session of the same person
        var other = browser(person);
        for (String wrong : List.of("wrong", other.cookie("madang_csrf").orElseThrow(), "")) {
            assertCsrfProblem(browser.send("PATCH", "/api/me", change, "application/json", Map.of("X-CSRF-Token", wrong)));
        }
        assertThat(browser.get("/api/me").json().getString("displayName")).as("nothing changed").isNotEqualTo("브라우저 시민");

        // reads need no header
        assertThat(browser.get("/api/me").status()).isEqualTo(200);
        // the right header
        var right = browser.send("PATCH", "/api/me", change, "application/json",
                Map.of("X-CSRF-Token", browser.cookie("madang_csrf").orElseThrow()));
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
        assertThat(right.json().getString("displayName")).isEqualTo("브라우저 시민");
    }

    @Test
    void csrfIsCheckedBeforeTheRoleCheckAndOnPostAndDeleteAlike() {
        var browser = browser(People.citizen()).withoutCsrfHeader();
        assertCsrfProblem(browser.post("/api/me/email-verifications"));
        assertCsrfProblem(browser.post("/api/organisations", Api.json("nameKo", "가", "nameEn", "A", "kind", "MINISTRY")));
        assertCsrfProblem(browser.delete("/api/sessions/current"));
    }

    @Test
    void bearerClientsNeedNoCsrfHeader() {
        var person = People.citizen();
        var reply = person.session().patch("/api/me", Api.json("displayName", "API 시민"));
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void cookiesAreHttpOnlyStrictAndScoped() {
        var person = People.citizen();
        var reply = Session.anonymous().post("/api/sessions", Api.json("email", person.email(), "password", person.password()));
        assertThat(reply.status()).isEqualTo(200);
        var access = setCookie(reply, "madang_access").orElseThrow();
        var refresh = setCookie(reply, "madang_refresh").orElseThrow();
        var csrf = setCookie(reply, "madang_csrf").orElseThrow();

        assertThat(access.toLowerCase()).contains("httponly").contains("samesite=strict").contains("path=/api");
        assertThat(refresh.toLowerCase()).contains("httponly").contains("samesite=strict").contains("path=/api/sessions");
        assertThat(csrf.toLowerCase()).as("the page's script reads the CSRF cookie").doesNotContain("httponly")
                .contains("samesite=strict").contains("path=/");
        for (String cookie : List.of(access, refresh, csrf)) {
            assertThat(HttpCookie.parse("Set-Cookie: " + cookie).get(0).getMaxAge()).isPositive();
            assertThat(cookie.toLowerCase()).as("plain HTTP here: Secure would make the browser drop it").doesNotContain("secure");
        }
        // the refresh token is nowhere in the body the script sees
        assertThat(reply.body()).doesNotContain(HttpCookie.parse("Set-Cookie: " + refresh).get(0).getValue());
    }

    @Test
    void signOutClearsTheCookies() {
        var browser = browser(People.citizen());
        String refresh = browser.cookie("madang_refresh").orElseThrow();
        var out = browser.delete("/api/sessions/current");
        assertThat(out.status()).isEqualTo(204);
        for (String name : List.of("madang_access", "madang_refresh", "madang_csrf")) {
            assertThat(setCookie(out, name)).as(name).hasValueSatisfying(c -> assertThat(c.toLowerCase()).contains("max-age=0"));
        }
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
        var replay = Session.anonymous().send("POST", "/api/sessions/refresh", null, null, Map.of("Cookie", "madang_refresh=" + refresh));
        assertThat(replay.status()).as("the refresh token was spent by the sign-out").isEqualTo(401);
    }

    @Test
    void refreshRotatesTheRefreshTokenAndReuseEndsEverySession() {
        var person = People.citizen();
        var browser = browser(person);
        String first = browser.cookie("madang_refresh").orElseThrow();
        String firstCsrf = browser.cookie("madang_csrf").orElseThrow();

        var refreshed = browser.post("/api/sessions/refresh");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String second = browser.cookie("madang_refresh").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.cookie("madang_csrf").orElseThrow()).as("a new CSRF token with the new session").isNotEqualTo(firstCsrf);
        assertThat(browser.get("/api/me").status()).isEqualTo(200);

        // another session of the same person, by API token
        var api = Session.anonymous().post("/api/tokens", Api.json("email", person.email(), "password", person.password()));
        String apiRefresh = api.json().getString("refreshToken");

        // someone replays the first (already used) refresh token
        var replay = Session.anonymous().send("POST", "/api/sessions/refresh", null, null, Map.of("Cookie", "madang_refresh=" + first));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.isProblem()).isTrue();

        // every refresh token of the account is void now: the browser's current one and the API client's
        assertThat(browser.post("/api/sessions/refresh").status()).isEqualTo(401);
        assertThat(Session.anonymous().post("/api/tokens/refresh", Api.json("refreshToken", apiRefresh)).status()).isEqualTo(401);
    }

    @Test
    void refreshWithoutCookieOrWithGarbageIsRefused() {
        assertThat(Session.anonymous().post("/api/sessions/refresh").status()).isEqualTo(401);
        var garbage = Session.anonymous().send("POST", "/api/sessions/refresh", null, null, Map.of("Cookie", "madang_refresh=garbage"));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.isProblem()).isTrue();
    }

    private static void assertCsrfProblem(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().getString("type")).endsWith("/csrf");
    }

    private static Optional<String> setCookie(Reply reply, String name) {
        return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }
}
