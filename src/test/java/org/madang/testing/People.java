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
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");
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
        if (admin == null) {
            var plain = signIn(MadangServer.ADMIN_EMAIL, MadangServer.ADMIN_PASSWORD, null);
            String secret = enrolTotp(plain);
            var session = signIn(MadangServer.ADMIN_EMAIL, MadangServer.ADMIN_PASSWORD, nextCode(secret));
            admin = new Person(UUID.fromString(session.get("/api/me").json().getString("id")), MadangServer.ADMIN_EMAIL,
                    MadangServer.ADMIN_PASSWORD, secret, session);
        }
        return admin;
    }

    /** A citizen given a staff role by the administrator (for an organisation where the role needs one). */
    public static Person staff(String role, UUID organisationId) {
        var person = citizen();
        var grant = admin().session().post("/api/admin/users/" + person.id() + "/roles",
                Api.json("role", role, "organisationId", organisationId == null ? null : organisationId.toString()));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(204);
        String secret = enrolTotp(person.session());
        var session = signIn(person.email(), PASSWORD, nextCode(secret));
        return new Person(person.id(), person.email(), PASSWORD, secret, session);
    }

    /** A new ministry, made by the administrator. */
    public static UUID ministry() {
        var created = admin().session().post("/api/organisations",
                Api.json("nameKo", "테스트부 " + COUNTER.incrementAndGet(), "nameEn", "Ministry of Tests " + COUNTER.get(), "kind", "MINISTRY"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().getString("id"));
    }

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
        var mail = MadangServer.get().mail();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                try {
                    boolean toThem = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    String body = message.getContent().toString();
                    int at = body.indexOf(linkPath);
                    if (toThem && at >= 0) {
                        var matcher = TOKEN.matcher(body.substring(at));
                        if (matcher.find()) return matcher.group(1);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            MadangServer.sleep(100);
        }
        throw new AssertionError("No mail with " + linkPath + " reached " + email);
    }
}
