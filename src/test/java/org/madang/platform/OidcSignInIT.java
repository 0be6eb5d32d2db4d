package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.OidcTestProvider;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * OpenID Connect sign-in end to end: the browser's redirects followed from Madang to the real provider
 * (mock-oauth2-server in this JVM) and back, the code exchanged with its PKCE verifier, the signed ID token checked.
 */
class OidcSignInIT {

    /** The provider's side of the redirects: it keeps no session of its own here, so a plain client will do. */
    private static final HttpClient PROVIDER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Where the provider sends the browser back: Madang's callback with code and state. */
    private record ProviderAnswer(String callbackPathAndQuery) {
    }

    private static Reply start(Session browser, String next) {
        var start = browser.get("/api/sessions/oidc/start?next=" + next);
        assertThat(start.status()).as(start.toString()).isEqualTo(303);
        return start;
    }

    /** Follows Madang's redirect to the provider's authorization endpoint; answers where the provider redirects. */
    private static ProviderAnswer authorize(Reply start) throws Exception {
        var authorization = URI.create(start.header("Location").orElseThrow());
        assertThat(authorization.toString()).startsWith(OidcTestProvider.issuer() + "/authorize?")
                .contains("code_challenge_method=S256", "code_challenge=", "nonce=", "state=", "client_id=" + OidcTestProvider.CLIENT_ID);
        var answer = PROVIDER.send(HttpRequest.newBuilder(authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        var back = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(MadangServer.get().baseUrl() + "/api/sessions/oidc/callback?");
        return new ProviderAnswer(back.getRawPath() + "?" + back.getRawQuery());
    }

    /** The whole round trip for whoever the provider signs in next; answers Madang's final redirect. */
    private static Reply signIn(Session browser, String next) throws Exception {
        var back = authorize(start(browser, next));
        return browser.get(back.callbackPathAndQuery());
    }

    private static void assertSignedInAndSentTo(Reply callback, String next) {
        assertThat(callback.status()).as(callback.toString()).isEqualTo(303);
        assertThat(callback.header("Location")).contains(MadangServer.get().baseUrl() + next);
    }

    private static void assertRefused(Session browser, Reply callback) {
        assertThat(callback.status()).as(callback.toString()).isEqualTo(303);
        assertThat(callback.header("Location")).contains(MadangServer.get().baseUrl() + "/signin.html?error=oidc");
        assertThat(browser.cookie("madang_access").filter(v -> !v.isEmpty())).as("no session").isEmpty();
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    private static Map<String, Object> claims(Object... namesAndValues) {
        var claims = new HashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) claims.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return claims;
    }

    private static String subject() {
        return "idp-" + UUID.randomUUID();
    }

    @Test
    void theSignInButtonKnowsTheProvider() {
        var availability = Session.anonymous().get("/api/sessions/oidc").json();
        assertThat(availability.getBoolean("enabled")).isTrue();
        assertThat(availability.getString("displayNameKo")).isNotBlank();
    }

    @Test
    void theProvidersVerifiedIdentityClaimMakesAVerifiedResident() throws Exception {
        String email = People.uniqueEmail("oidc-resident");
        OidcTestProvider.nextSignIn(subject(), claims(OidcTestProvider.RESIDENT_CLAIM, true, "email", email, "email_verified", true,
                "name", "연동 주민"));
        var browser = Session.anonymous();
        assertSignedInAndSentTo(signIn(browser, "/my-data.html"), "/my-data.html");

        var me = browser.get("/api/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("identityLevel")).isEqualTo("VERIFIED_RESIDENT");
        assertThat(me.json().getString("email")).isEqualTo(email);
        assertThat(me.json().getString("displayName")).isEqualTo("연동 주민");
        String account = "account:" + me.json().getString("id");
        assertThat(AccountSecurityIT.auditEntries(e -> e.getString("target").equals(account), 3)).extracting(e -> e.getString("action"))
                .contains("account.federated-link", "account.resident-verified", "session.signed-in");
        assertThat(browser.cookie("madang_csrf")).isPresent();
        // a normal browser session: writes with the CSRF token work, and it refreshes
        assertThat(browser.patch("/api/me", "{\"locale\":\"en\"}").status()).isEqualTo(200);
        assertThat(browser.post("/api/sessions/refresh").status()).isEqualTo(200);
    }

    @Test
    void withoutTheClaimThePersonIsNotAVerifiedResident() throws Exception {
        OidcTestProvider.nextSignIn(subject(), claims(OidcTestProvider.RESIDENT_CLAIM, false,
                "email", People.uniqueEmail("oidc-plain"), "email_verified", true));
        var browser = Session.anonymous();
        assertSignedInAndSentTo(signIn(browser, "/"), "/");
        assertThat(browser.get("/api/me").json().getString("identityLevel")).isEqualTo("REGISTERED");
    }

    @Test
    void aSecondSignInReusesTheSameAccount() throws Exception {
        String subject = subject();
        OidcTestProvider.nextSignIn(subject, claims("email", People.uniqueEmail("oidc-again"), "email_verified", true));
        var first = Session.anonymous();
        assertSignedInAndSentTo(signIn(first, "/"), "/");
        String firstId = first.get("/api/me").json().getString("id");

        // the provider may report other details the second time; the subject decides
        OidcTestProvider.nextSignIn(subject, claims("email", People.uniqueEmail("oidc-changed"), "email_verified", true));
        var second = Session.anonymous();
        assertSignedInAndSentTo(signIn(second, "/forums.html"), "/forums.html");
        assertThat(second.get("/api/me").json().getString("id")).isEqualTo(firstId);
    }

    @Test
    void aProviderVerifiedAddressLinksTheExistingAccountAndAnUnverifiedOneDoesNot() throws Exception {
        var person = People.citizen();
        OidcTestProvider.nextSignIn(subject(), claims("email", person.email(), "email_verified", false));
        var unverified = Session.anonymous();
        assertSignedInAndSentTo(signIn(unverified, "/"), "/");
        var stranger = unverified.get("/api/me").json();
        assertThat(stranger.getString("id")).isNotEqualTo(person.id().toString());
        assertThat(stranger.getString("email")).isNotEqualTo(person.email());

        OidcTestProvider.nextSignIn(subject(), claims("email", person.email().toUpperCase(), "email_verified", true));
        var verified = Session.anonymous();
        assertSignedInAndSentTo(signIn(verified, "/"), "/");
        assertThat(verified.get("/api/me").json().getString("id")).isEqualTo(person.id().toString());
    }

    @Test
    void erasureRemovesTheProviderLink() throws Exception {
        String subject = subject();
        OidcTestProvider.nextSignIn(subject, claims("email", People.uniqueEmail("oidc-erased"), "email_verified", true));
        var browser = Session.anonymous();
        assertSignedInAndSentTo(signIn(browser, "/"), "/");
        String erasedId = browser.get("/api/me").json().getString("id");
        var providers = browser.get("/api/privacy/me/export").json().getJsonObject("sections").getJsonObject("account")
                .getJsonArray("signInProviders");
        assertThat(providers.getJsonObject(0).getString("subject")).isEqualTo(subject);
        assertThat(providers.getJsonObject(0).getString("issuer")).isEqualTo(OidcTestProvider.issuer());

        var asked = browser.post("/api/privacy/me/erasure-requests", "{\"removeContributions\":false}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        var done = RoleSessions.session(Who.PRIVACY_OFFICER).post("/api/privacy/erasure-requests/" + asked.json().getString("id") + "/completion");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);

        // the same provider account no longer leads to the erased one: it starts afresh
        OidcTestProvider.nextSignIn(subject, claims());
        var again = Session.anonymous();
        assertSignedInAndSentTo(signIn(again, "/"), "/");
        assertThat(again.get("/api/me").json().getString("id")).isNotEqualTo(erasedId);
    }

    @Test
    void aForeignNextPageIsReplacedByTheHomePage() throws Exception {
        OidcTestProvider.nextSignIn(subject(), claims());
        var browser = Session.anonymous();
        assertSignedInAndSentTo(signIn(browser, "//evil.example/x"), "/");
        assertThat(browser.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aWrongStateIsRefused() throws Exception {
        // no chosen sign-in queued: a refused callback never reaches the token endpoint to use it up
        var browser = Session.anonymous();
        var back = authorize(start(browser, "/"));
        String forged = back.callbackPathAndQuery().replaceAll("state=[^&]*", "state=forged-state");
        assertRefused(browser, browser.get(forged));
    }

    @Test
    void aCallbackWithoutTheSignInCookieIsRefused() throws Exception {
        var back = authorize(start(Session.anonymous(), "/"));
        var otherBrowser = Session.anonymous(); // e.g. a link planted in someone else's browser (login CSRF)
        assertRefused(otherBrowser, otherBrowser.get(back.callbackPathAndQuery()));
    }

    @Test
    void aProviderErrorIsRefused() throws Exception {
        var browser = Session.anonymous();
        var start = start(browser, "/");
        String state = query(URI.create(start.header("Location").orElseThrow()), "state");
        assertRefused(browser, browser.get("/api/sessions/oidc/callback?error=access_denied&state=" + state));
    }

    @Test
    void aTamperedIdTokenIsRefusedAndTheSameTokenUntamperedAccepted() throws Exception {
        String victim = subject();
        var attacker = Session.anonymous();
        var back = authorize(start(attacker, "/"));
        String idToken = tokenFor(victim, nonceIn(attacker));
        String[] parts = idToken.split("\\.");
        var claims = JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.put(OidcTestProvider.RESIDENT_CLAIM, true); // promote themselves, keeping the provider's signature
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSONObjectUtils.toJSONString(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        OidcTestProvider.answerNextTokenRequestWith(tampered);
        assertRefused(attacker, attacker.get(back.callbackPathAndQuery()));
        assertThat(AccountSecurityIT.auditEntries(e -> e.getString("action").equals("session.oidc-refused"), 3))
                .extracting(e -> e.getString("detail")).anySatisfy(detail -> assertThat(detail).contains("ID token refused: bad signature"));

        // the control: the token as the provider signed it passes the same way
        var honest = Session.anonymous();
        var honestBack = authorize(start(honest, "/"));
        OidcTestProvider.answerNextTokenRequestWith(tokenFor(victim, nonceIn(honest)));
        assertSignedInAndSentTo(honest.get(honestBack.callbackPathAndQuery()), "/");
        assertThat(honest.get("/api/me").json().getString("identityLevel")).isNotEqualTo("VERIFIED_RESIDENT");
    }

    /** The nonce Madang sent, read from its sign-in cookie (signed, not secret: the provider sees it too). */
    private static String nonceIn(Session browser) throws Exception {
        String sealed = browser.cookie("madang_oidc").orElseThrow();
        String payload = sealed.substring(0, sealed.indexOf('.'));
        return (String) JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).get("n");
    }

    private static String tokenFor(String subject, String nonce) {
        var callback = new DefaultOAuth2TokenCallback(OidcTestProvider.ISSUER_ID, subject, "JWT", List.of(OidcTestProvider.CLIENT_ID),
                Map.of("nonce", nonce), 3600);
        return OidcTestProvider.server().issueToken(OidcTestProvider.ISSUER_ID, OidcTestProvider.CLIENT_ID, callback).serialize();
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        throw new AssertionError(name + " missing in " + uri);
    }
}
