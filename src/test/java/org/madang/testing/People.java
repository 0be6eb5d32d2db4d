package org.madang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.madang.testing.Api.Session;

/**
 * Makes the people tests need, through the public API only: citizens who signed up and confirmed their e-mail, and
 * staff whose roles an administrator granted and who set up two-factor sign-in.
 */
public final class People {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Person admin;

    private People() {
    }

    /** A person the tests made: their details, their TOTP secret if any, and a signed-in API session. */
    public record Person(UUID id, String email, String password, String totpSecret, Session session) {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@madang.test";
    }

    public static final String PASSWORD = "correct horse battery";

    /** Signs up, confirms the e-mail through the mailed link, signs in with a bearer token. */
    public static Person citizen() {
        String email = uniqueEmail("citizen");
        var signUp = Session.anonymous().post("/api/accounts",
                Api.json("email", email, "password", PASSWORD, "displayName", "시민 " + COUNTER.get(), "locale", "ko"));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        var verify = Session.anonymous().post("/api/accounts/email-verifications", Api.json("token", mailedToken(email, "/verify-email.html")));
        assertThat(verify.status()).as(verify.toString()).isEqualTo(204);
        var session = signIn(email, PASSWORD, null);
        return new Person(UUID.fromString(session.get("/api/me").json().getString("id")), email, PASSWORD, null, session);
    }

    /** The first administrator of the installation, with two-factor set up; one session shared by all tests. */
    public static synchronized Person admin() {
        if (admin != null) renewIfOld(admin);
        if (admin == null) {
            var plain = signIn(MadangServer.ADMIN_EMAIL, MadangServer.ADMIN_PASSWORD, null);
            String secret = enrolTotp(plain);
            var session = signIn(MadangServer.ADMIN_EMAIL, MadangServer.ADMIN_PASSWORD, nextCode(secret));
            admin = new Person(UUID.fromString(session.get("/api/me").json().getString("id")), MadangServer.ADMIN_EMAIL,
                    MadangServer.ADMIN_PASSWORD, secret, session);
            SIGNED_IN_AT.put(MadangServer.ADMIN_EMAIL, Instant.now());
        }
        return admin;
    }

    /** A citizen given a staff role by the administrator (for an organisation where the role needs one). */
    public static Person staff(String role, UUID organisationId) {
        var person = staffForBrowser(role, organisationId);
        var session = signIn(person.email(), PASSWORD, nextCode(person.totpSecret()));
        return new Person(person.id(), person.email(), PASSWORD, person.totpSecret(), session);
    }

    /**
     * A citizen given a role (one that needs no organisation) with two-factor sign-in set up, whose next TOTP step is
     * still unspent: for signing in through the browser with {@link #nextCode}.
     */
    public static Person staffForBrowser(String role) {
        return staffForBrowser(role, null);
    }

    /** As {@link #staffForBrowser(String)}, for a role held for an organisation (none when null). */
    public static Person staffForBrowser(String role, UUID organisationId) {
        var person = citizen();
        var grant = admin().session().post("/api/admin/users/" + person.id() + "/roles",
                Api.json("role", role, "organisationId", organisationId == null ? null : organisationId.toString()));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(204);
        String secret = enrolTotp(person.session());
        return new Person(person.id(), person.email(), person.password(), secret, person.session());
    }

    /** A new ministry, made by the administrator. */
    public static UUID ministry() {
        var created = admin().session().post("/api/organisations",
                Api.json("nameKo", "테스트부 " + COUNTER.incrementAndGet(), "nameEn", "Ministry of Tests " + COUNTER.get(), "kind", "MINISTRY"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().getString("id"));
    }

    /**
     * Access tokens live ten minutes: a session kept for the whole run signs in again (with a fresh code) when its
     * token is getting old. The Session object stays the same, so whoever holds it keeps working.
     */
    public static synchronized void renewIfOld(Person person) {
        Instant at = SIGNED_IN_AT.get(person.email());
        if (at != null && at.plus(RENEW_AFTER).isAfter(Instant.now())) return;
        String code = person.totpSecret() == null ? null : Totp.code(person.totpSecret(), Instant.now());
        person.session().useBearer(signIn(person.email(), person.password(), code).bearerToken());
        SIGNED_IN_AT.put(person.email(), Instant.now());
    }

    /** Notes when a long-lived person signed in, for {@link #renewIfOld}. */
    public static void signedInNow(Person person) {
        SIGNED_IN_AT.put(person.email(), Instant.now());
    }

    private static final java.util.Map<String, Instant> SIGNED_IN_AT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Duration RENEW_AFTER = Duration.ofMinutes(7);

    public static Session signIn(String email, String password, String totpCode) {
        var reply = Session.anonymous().post("/api/tokens", Api.json("email", email, "password", password, "totpCode", totpCode));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Session.bearer(reply.json().getString("accessToken"));
    }

    /** Sets up TOTP for the session's account; returns the secret. */
    public static String enrolTotp(Session session) {
        var begin = session.post("/api/me/totp");
        assertThat(begin.status()).as(begin.toString()).isEqualTo(200);
        String secret = begin.json().getString("secret");
        var confirm = session.post("/api/me/totp/confirmations", Api.json("code", Totp.code(secret, Instant.now())));
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(204);
        return secret;
    }

    /**
     * A code for the next 30-second step: the server accepts one step of drift, and each step counts once, so
     * this is usable right after the current step's code was spent.
     */
    public static String nextCode(String secret) {
        return Totp.code(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS));
    }

    /** Waits for a mail to the address whose body contains the path, and returns the token in its link. */
    public static String mailedToken(String email, String linkPath) {
        return mailedParameter(email, linkPath, "token");
    }

    /** Waits for a mail to the address whose body has a link to the path, and returns that link's query parameter. */
    public static String mailedParameter(String email, String linkPath, String parameter) {
        var pattern = Pattern.compile("[?&]" + Pattern.quote(parameter) + "=([A-Za-z0-9_-]{20,})");
        String body = awaitMail(email, linkPath);
        var matcher = pattern.matcher(body.substring(body.indexOf(linkPath)));
        if (!matcher.find()) throw new AssertionError("No " + parameter + " in the link to " + linkPath + ": " + body);
        return matcher.group(1);
    }

    /** Waits for a mail to the address whose body contains the text, and returns the body. */
    public static String awaitMail(String email, String text) {
        var mail = MadangServer.get().mail();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                try {
                    boolean toThem = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    String body = message.getContent().toString();
                    if (toThem && body.contains(text)) return body;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            MadangServer.sleep(100);
        }
        throw new AssertionError("No mail containing " + text + " reached " + email);
    }
}
