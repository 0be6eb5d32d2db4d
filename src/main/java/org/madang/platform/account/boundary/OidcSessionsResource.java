package org.madang.platform.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import org.madang.platform.account.control.FederatedSignIn;
import org.madang.platform.account.control.IdTokenVerifier;
import org.madang.platform.account.control.OidcProvider;
import org.madang.platform.account.control.OidcSignInState;
import org.madang.platform.account.control.SessionService;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SessionCookies;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.ratelimit.RateLimiter;
import org.madang.platform.web.ClientAddress;

/**
 * Sign-in with the configured OpenID Connect provider (authorization code with PKCE). The browser goes to
 * {@code start}, on to the provider, and back to {@code callback}, which opens a session exactly as password sign-in
 * does and sends the browser on. Any failure on the way back ends on the sign-in page, never in a session.
 */
@Path("sessions/oidc")
@RequestScoped
@PermitAll
public class OidcSessionsResource {

    static final String COOKIE = "madang_oidc";
    static final String COOKIE_PATH = "/api/sessions/oidc";
    static final String FAILED = "/signin.html?error=oidc";
    /** Signs the sign-in cookie when no client secret is configured to derive a key from (one instance only). */
    private static final byte[] PROCESS_KEY = randomKey();

    @Inject
    OidcProvider provider;

    @Inject
    FederatedSignIn federated;

    @Inject
    AuditLog audit;

    @Inject
    ClientAddress clientAddress;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    @ConfigProperty(name = "madang.ratelimit.per-address-scale", defaultValue = "1")
    int addressScale;

    Clock clock = Clock.systemUTC();

    /** What the sign-in page needs to show the button. */
    public record Availability(boolean enabled, String displayNameKo, String displayNameEn) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Availability availability() {
        return provider.enabled() ? new Availability(true, provider.displayNameKo(), provider.displayNameEn())
                : new Availability(false, null, null);
    }

    @GET
    @Path("start")
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@QueryParam("next") String next) {
        requireEnabled();
        var state = OidcSignInState.begin(next, clock.instant());
        URI authorization;
        try {
            authorization = provider.authorizationRequest(state.state(), state.nonce(), state.codeChallenge());
        } catch (IOException | RuntimeException e) {
            return refused("provider unreachable: " + e.getMessage());
        }
        return Response.seeOther(authorization).cookie(stateCookie(state.seal(key()), (int) OidcSignInState.LIFETIME.toSeconds()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("callback")
    @Produces(MediaType.APPLICATION_JSON)
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String stateParam,
                             @QueryParam("error") String error, @CookieParam(COOKIE) String sealed) {
        requireEnabled();
        if (error != null) return refused("provider error " + clip(error));
        var state = OidcSignInState.open(sealed, key(), clock.instant());
        if (state.isEmpty()) return refused("sign-in cookie missing, altered or expired");
        if (stateParam == null || !java.security.MessageDigest.isEqual(stateParam.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                state.get().state().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return refused("state does not match");
        }
        if (code == null || code.isBlank() || code.length() > 2048) return refused("no usable code");
        SessionService.Session session;
        try {
            String idToken = provider.exchange(code, state.get().codeVerifier());
            var claims = provider.verifier().verify(idToken, state.get().nonce());
            session = federated.signIn(provider.issuer(), claims, provider.residentClaim(), provider.residentValue());
        } catch (IOException e) {
            return refused("token exchange failed: " + e.getMessage());
        } catch (IdTokenVerifier.Refused e) {
            return refused("ID token refused: " + e.getMessage());
        } catch (ProblemException e) {
            return refused("sign-in refused: " + e.type());
        } catch (RuntimeException e) {
            // e.g. two first sign-ins of one subject at once: the loser starts again, it never sees a 500
            return refused("sign-in failed: " + e.getClass().getSimpleName());
        }
        var cookies = SessionCookies.issue(session.accessToken(), session.refreshToken(), SessionService.REFRESH_LIFETIME,
                session.caller().csrfToken(), clientAddress.isHttps());
        return Response.seeOther(URI.create(provider.publicUrl() + state.get().next())).cookie(cookies)
                .cookie(stateCookie("", 0)).header("Cache-Control", "no-store").build();
    }

    private void requireEnabled() {
        if (!provider.enabled()) throw ProblemException.notFound("oidc");
        // each round trip costs a provider request and an audit entry: one address may not flood either
        if (!rateLimiter.tryAcquire("oidc:address:" + clientAddress.get(), 30 * addressScale, java.time.Duration.ofMinutes(1))) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "signIn.tooMany");
        }
    }

    private Response refused(String reason) {
        audit.record(AuditLog.SYSTEM, "session.oidc-refused", "oidc", clip(reason) + " from " + clientAddress.get());
        return Response.seeOther(URI.create(provider.publicUrl() + FAILED)).cookie(stateCookie("", 0))
                .header("Cache-Control", "no-store").build();
    }

    private NewCookie stateCookie(String value, int maxAge) {
        // Lax, not Strict: the provider sends the browser back with a cross-site top-level navigation
        return new NewCookie.Builder(COOKIE).value(value).path(COOKIE_PATH).maxAge(maxAge).httpOnly(true)
                .secure(clientAddress.isHttps()).sameSite(NewCookie.SameSite.LAX).build();
    }

    private byte[] key() {
        byte[] derived = provider.cookieKeyMaterial();
        return derived != null ? derived : PROCESS_KEY;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String clip(String text) {
        String cleaned = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}
