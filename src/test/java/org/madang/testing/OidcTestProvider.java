package org.madang.testing;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

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

    private OidcTestProvider() {
    }

    static synchronized String start() {
        if (server == null) {
            server = new MockOAuth2Server();
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

    /** The provider's next token, for this subject, to this client, with these extra claims. */
    public static void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }
}
