package org.madang.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;

/**
 * A real OpenID Connect provider (NAV's mock-oauth2-server) in the test JVM, started with the Madang server, which is
 * configured with its issuer. Tests decide who signs in next with {@link #nextSignIn}: the provider then issues its
 * signed ID token for that subject with those claims (and the nonce of the authorization request).
 */
public final class OidcTestProvider {

    public static final String ISSUER_ID = "madang-idp";
    public static final String CLIENT_ID = "madang-it";
    public static final String CLIENT_SECRET = "madang-it-client-secret";
    /** The claim and value that make a person a verified resident (Madang's defaults). */
    public static final String RESIDENT_CLAIM = "madang_verified";

    private static MockOAuth2Server server;
    /** An ID token to hand out at the next token request instead of the provider's own (e.g. a tampered one). */
    private static final AtomicReference<String> substitute = new AtomicReference<>();

    /** Answers a token request with the substitute ID token, once, as a man in the middle would. */
    private static final class SubstitutedTokenResponse implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return substitute.get() != null && "POST".equals(request.getMethod()) && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = "{\"token_type\":\"Bearer\",\"access_token\":\"unused\",\"expires_in\":3600,\"id_token\":\""
                    + substitute.getAndSet(null) + "\"}";
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, body,
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private OidcTestProvider() {
    }

    static synchronized String start() {
        if (server == null) {
            server = new MockOAuth2Server(new SubstitutedTokenResponse());
            server.start(0);
        }
        return issuer();
    }

    static synchronized void stop() {
        if (server != null) server.shutdown();
    }

    public static String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public static MockOAuth2Server server() {
        return server;
    }

    /** The next token request is answered with this ID token instead of one the provider makes. */
    public static void answerNextTokenRequestWith(String idToken) {
        substitute.set(idToken);
    }

    /** The provider's next token, for this subject, to this client, with these extra claims. */
    public static void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }
}
