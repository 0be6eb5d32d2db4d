package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** Sign-in throttling and lock, e-mail and password changes, scoped role grants, resident verification, audit, headers. */
class AccountSecurityIT {

    private static Reply signIn(String email, String password) {
        return Session.anonymous().speaking("en").post("/api/tokens", Api.json("email", email, "password", password));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        var person = People.citizen();
        for (int i = 1; i <= 5; i++) {
            var wrong = signIn(person.email(), "wrong password " + i);
            assertThat(wrong.status()).as("attempt " + i + ": " + wrong).isEqualTo(401);
            assertThat(wrong.json().getString("type")).endsWith("/bad-credentials");
        }
        var right = signIn(person.email(), person.password());
        assertThat(right.status()).as(right.toString()).isEqualTo(423);
        assertThat(right.isProblem()).isTrue();
        assertThat(right.json().getString("type")).endsWith("/locked");
        assertThat(right.json().getString("title")).isEqualTo("Account temporarily locked");
        var browser = Session.anonymous().post("/api/sessions", Api.json("email", person.email(), "password", person.password()));
        assertThat(browser.status()).as("browser sign-in too").isEqualTo(423);
        assertThat(browser.json().getString("title")).isEqualTo("계정이 일시적으로 잠겼습니다");
        // a session opened before the lock is not a sign-in: it goes on
        assertThat(person.session().get("/api/me").status()).isEqualTo(200);

        var entries = auditEntries(e -> e.getString("target").equals("account:" + person.id()), 3);
        assertThat(entries).extracting(e -> e.getString("action")).contains("account.locked", "session.sign-in-failed");
    }

    @Test
    void aTotpCodeSignsInOnceOnly() {
        var person = People.citizen();
        var grant = People.admin().session().post("/api/admin/users/" + person.id() + "/roles", Api.json("role", "MODERATOR"));
        assertThat(grant.status()).isEqualTo(204);
        String secret = People.enrolTotp(person.session());
        String code = People.nextCode(secret);
        var first = Session.anonymous().post("/api/tokens", Api.json("email", person.email(), "password", person.password(), "totpCode", code));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        var replay = Session.anonymous().post("/api/tokens", Api.json("email", person.email(), "password", person.password(), "totpCode", code));
        assertThat(replay.status()).as(replay.toString()).isEqualTo(401);
        assertThat(replay.json().getString("type")).endsWith("/bad-credentials");
        var noCode = Session.anonymous().post("/api/tokens", Api.json("email", person.email(), "password", person.password()));
        assertThat(noCode.json().getString("type")).endsWith("/mfa-required");
    }

    @Test
    void writesPerSignedInPersonAreCappedPerMinute() throws Exception {
        var person = People.citizen();
        int senders = 6;
        var accepted = new AtomicInteger();
        var refusal = new AtomicReference<Reply>();
        var acceptedBeforeRefusal = new AtomicInteger(-1);
        // several senders, so the ceiling is reached well inside its one-minute window even on a slow machine;
        // an empty e-mail change is refused by validation, after the write ceiling has counted it
        var pool = Executors.newFixedThreadPool(senders);
        try {
            var sent = new ArrayList<Future<?>>();
            for (int i = 0; i < senders; i++) {
                sent.add(pool.submit(() -> {
                    while (refusal.get() == null && accepted.get() < 3 * MadangServer.WRITES_PER_MINUTE) {
                        var reply = person.session().post("/api/me/email-changes", "{}");
                        if (reply.status() == 429) {
                            if (refusal.compareAndSet(null, reply)) acceptedBeforeRefusal.set(accepted.get());
                        } else {
                            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (var s : sent) s.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(refusal.get()).as("refused after %d writes", accepted.get()).isNotNull();
        assertThat(refusal.get().json().getString("type")).endsWith("/rate-limited");
        // answers of the other senders' requests may still have been on their way when the refusal came
        assertThat(acceptedBeforeRefusal.get()).isGreaterThanOrEqualTo(MadangServer.WRITES_PER_MINUTE - senders);
        assertThat(person.session().get("/api/me").status()).as("reads are not capped").isEqualTo(200);
        var other = People.citizen();
        assertThat(other.session().post("/api/me/email-changes", "{}").status()).as("someone else is not affected").isEqualTo(400);
    }

    @Test
    void signInAttemptsPerEmailAreRateLimited() {
        String nobody = People.uniqueEmail("nobody");
        for (int i = 1; i <= 10; i++) {
            assertThat(signIn(nobody, "guess number " + i).status()).as("attempt " + i).isEqualTo(401);
        }
        var limited = signIn(nobody, "guess number 11");
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.json().getString("type")).endsWith("/rate-limited");
        // the same address differently written is the same e-mail
        assertThat(signIn(nobody.toUpperCase(), "guess").status()).isEqualTo(429);
        // someone else from the same address is not affected
        var other = People.citizen();
        assertThat(signIn(other.email(), other.password()).status()).isEqualTo(200);
    }

    @Test
    void emailChangeIsConfirmedByTheNewAddressAndAnnouncedToTheOldOne() {
        var person = People.citizen();
        String newEmail = People.uniqueEmail("moved");

        var wrongPassword = person.session().post("/api/me/email-changes", Api.json("newEmail", newEmail, "password", "not my password"));
        assertThat(wrongPassword.status()).isEqualTo(403);
        var taken = person.session().post("/api/me/email-changes", Api.json("newEmail", MadangServer.ADMIN_EMAIL, "password", person.password()));
        assertThat(taken.status()).isEqualTo(409);

        var request = person.session().post("/api/me/email-changes", Api.json("newEmail", newEmail, "password", person.password()));
        assertThat(request.status()).as(request.toString()).isEqualTo(202);
        People.awaitMail(person.email(), newEmail);
        String token = People.mailedParameter(newEmail, "/email-change-confirm.html", "token");
        assertThat(person.session().get("/api/me").json().getString("email")).as("not changed before confirmation").isEqualTo(person.email());

        var confirm = person.session().post("/api/me/email-changes/confirmations", Api.json("token", token));
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(204);
        assertThat(person.session().post("/api/me/email-changes/confirmations", Api.json("token", token)).status()).as("used once").isEqualTo(410);

        assertThat(signIn(newEmail, person.password()).status()).isEqualTo(200);
        assertThat(signIn(person.email(), person.password()).status()).isEqualTo(401);
        var me = People.signIn(newEmail, person.password(), null).get("/api/me").json();
        assertThat(me.getString("email")).isEqualTo(newEmail);
        assertThat(me.getString("identityLevel")).isEqualTo("REGISTERED");
    }


    @Test
    void passwordChangeEndsTheOtherSessionsRefreshTokens() {
        var person = People.citizen();
        var other = Session.anonymous().post("/api/tokens", Api.json("email", person.email(), "password", person.password()));
        String otherRefresh = other.json().getString("refreshToken");
        var browser = Session.anonymous();
        assertThat(browser.post("/api/sessions", Api.json("email", person.email(), "password", person.password())).status()).isEqualTo(200);

        var wrong = person.session().post("/api/me/password", Api.json("currentPassword", "not my password", "newPassword", "a new passphrase 1"));
        assertThat(wrong.status()).isEqualTo(403);
        var change = person.session().post("/api/me/password", Api.json("currentPassword", person.password(), "newPassword", "a new passphrase 1"));
        assertThat(change.status()).as(change.toString()).isEqualTo(204);

        assertThat(Session.anonymous().post("/api/tokens/refresh", Api.json("refreshToken", otherRefresh)).status()).isEqualTo(401);
        assertThat(browser.post("/api/sessions/refresh").status()).isEqualTo(401);
        assertThat(signIn(person.email(), person.password()).status()).isEqualTo(401);
        assertThat(signIn(person.email(), "a new passphrase 1").status()).isEqualTo(200);
    }

    @Test
    void anOrganisationAdminGrantsOfficialOnlyInTheirOwnOrganisation() {
        var orgAdmin = RoleSessions.person(Who.ORG_ADMIN).session();
        String home = RoleSessions.homeOrganisation().toString();
        String elsewhere = People.ministry().toString();
        var target = People.citizen();
        String roles = "/api/admin/users/" + target.id() + "/roles";

        assertThat(orgAdmin.post(roles, Api.json("role", "OFFICIAL", "organisationId", elsewhere)).status()).isEqualTo(403);
        assertThat(orgAdmin.post(roles, Api.json("role", "ORG_ADMIN", "organisationId", home)).status()).isEqualTo(403);
        assertThat(orgAdmin.post(roles, Api.json("role", "MODERATOR")).status()).isEqualTo(403);
        assertThat(orgAdmin.post(roles, Api.json("role", "ADMIN")).status()).isEqualTo(403);
        var granted = orgAdmin.post(roles, Api.json("role", "OFFICIAL", "organisationId", home));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(204);

        var admin = People.admin().session();
        assertThat(admin.post(roles, Api.json("role", "OFFICIAL", "organisationId", elsewhere)).status()).isEqualTo(204);
        assertThat(orgAdmin.delete(roles + "/OFFICIAL?organisationId=" + elsewhere).status()).as("revoke elsewhere").isEqualTo(403);
        assertThat(target.session().get("/api/me").json().getJsonArray("roles")).hasSize(2);
        assertThat(orgAdmin.delete(roles + "/OFFICIAL?organisationId=" + home).status()).isEqualTo(204);
        var left = target.session().get("/api/me").json().getJsonArray("roles");
        assertThat(left).hasSize(1);
        assertThat(left.getJsonObject(0).getString("organisationId")).isEqualTo(elsewhere);

        var audited = auditEntries(e -> e.getString("target").equals("account:" + target.id()) && e.getString("action").startsWith("role."), 3);
        assertThat(audited).extracting(e -> e.getString("action") + " " + e.getString("detail"))
                .contains("role.granted OFFICIAL @ organisation:" + home, "role.granted OFFICIAL @ organisation:" + elsewhere,
                        "role.revoked OFFICIAL @ organisation:" + home);
    }

    @Test
    void aRegistrarVerifiesAResident() {
        var registrar = RoleSessions.person(Who.REGISTRAR).session();
        var person = People.citizen();
        var verify = registrar.post("/api/admin/users/" + person.id() + "/resident-verification", Api.json("district", "서울특별시 종로구"));
        assertThat(verify.status()).as(verify.toString()).isEqualTo(204);
        var me = person.session().get("/api/me").json();
        assertThat(me.getString("identityLevel")).isEqualTo("VERIFIED_RESIDENT");
        assertThat(me.getString("residentDistrict")).isEqualTo("서울특별시 종로구");

        // an account whose e-mail nobody confirmed cannot be a verified resident
        var unconfirmed = Session.anonymous().post("/api/accounts", Api.json("email", People.uniqueEmail("unconfirmed"),
                "password", People.PASSWORD, "displayName", "미확인", "locale", "ko"));
        var refused = registrar.post("/api/admin/users/" + unconfirmed.json().getString("id") + "/resident-verification",
                Api.json("district", "부산광역시 중구"));
        assertThat(refused.status()).isEqualTo(409);
        // markup is not a district
        assertThat(registrar.post("/api/admin/users/" + person.id() + "/resident-verification", Api.json("district", "<b>구</b>")).status())
                .isEqualTo(400);
        assertThat(auditEntries(e -> e.getString("action").equals("account.resident-verified")
                && e.getString("target").equals("account:" + person.id()), 3)).isNotEmpty();
    }

    @Test
    void theAuditChainIsIntactAndRecordsSignInsAndGrants() {
        var auditor = RoleSessions.person(Who.AUDITOR).session();
        var person = People.citizen();
        var check = auditor.get("/api/audit/verification");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().getBoolean("intact")).as(check.toString()).isTrue();
        assertThat(check.json().getJsonNumber("entries").longValue()).isPositive();
        assertThat(absent(check.json(), "firstBrokenSeq")).isTrue();

        assertThat(auditEntries(e -> e.getString("action").equals("session.signed-in") && e.getString("target").equals("account:" + person.id()), 3))
                .isNotEmpty();
        assertThat(auditEntries(e -> e.getString("action").equals("account.signed-up") && e.getString("target").equals("account:" + person.id()), 3))
                .isNotEmpty();
        assertThat(auditEntries(e -> e.getString("action").equals("role.granted")
                && e.getString("target").equals("account:" + RoleSessions.person(Who.AUDITOR).id()), 50)).isNotEmpty();

        // each entry links to the one before it
        var page = auditor.get("/api/audit?limit=200").json().getJsonArray("items");
        for (int i = 0; i + 1 < page.size(); i++) {
            var newer = page.getJsonObject(i);
            var older = page.getJsonObject(i + 1);
            assertThat(newer.getJsonNumber("seq").longValue()).isEqualTo(older.getJsonNumber("seq").longValue() + 1);
            assertThat(newer.getString("previousHash")).isEqualTo(older.getString("hash"));
        }
    }

    @Test
    void requestIdsAreEchoedWhenSaneAndMadeOtherwise() {
        var echoed = Session.anonymous().send("GET", "/api/keys", null, null, Map.of("X-Request-Id", "trace-1234.abcd_EF"));
        assertThat(echoed.header("X-Request-Id")).hasValue("trace-1234.abcd_EF");
        var problem = Session.anonymous().send("GET", "/api/me", null, null, Map.of("X-Request-Id", "trace-problem-42"));
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.header("X-Request-Id")).hasValue("trace-problem-42");
        for (String insane : List.of("short", "has spaces in it", "<script>alert(1)</script>", "x".repeat(65))) {
            var reply = Session.anonymous().send("GET", "/api/keys", null, null, Map.of("X-Request-Id", insane));
            assertThat(reply.header("X-Request-Id")).as(insane).hasValueSatisfying(v -> assertThat(v).matches("[0-9a-f]{16}"));
        }
        var a = Session.anonymous().get("/api/keys").header("X-Request-Id").orElseThrow();
        var b = Session.anonymous().get("/api/keys").header("X-Request-Id").orElseThrow();
        assertThat(a).matches("[0-9a-f]{16}").isNotEqualTo(b);
    }

    private static boolean absent(JsonObject json, String name) {
        return !json.containsKey(name) || json.isNull(name);
    }

    /** Audit entries (newest first) that match, looking through up to {@code pages} pages of 200 as the auditor. */
    static List<JsonObject> auditEntries(Predicate<JsonObject> matching, int pages) {
        var auditor = RoleSessions.person(Who.AUDITOR).session();
        var found = new ArrayList<JsonObject>();
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            var page = auditor.get("/api/audit?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(matching).forEach(found::add);
            if (absent(page.json(), "nextCursor")) break;
            cursor = page.json().getString("nextCursor");
        }
        return found;
    }
}
