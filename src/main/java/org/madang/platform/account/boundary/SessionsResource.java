package org.madang.platform.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.madang.platform.account.control.SessionService;
import org.madang.platform.auth.AccessTokens;
import org.madang.platform.auth.SessionCookies;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.web.ClientAddress;

/**
 * Browser sessions (cookies + CSRF token) under /api/sessions, and bearer tokens for API clients under
 * /api/tokens.
 */
@Path("/")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    SessionService sessions;

    @Inject
    ClientAddress clientAddress;

    @Context
    SecurityContext security;

    public record SignIn(@NotBlank @Size(max = 254) String email,
                         @NotNull @Size(max = 128) String password,
                         @Pattern(regexp = "\\d{6}", message = "{madang.totp.format}") String totpCode) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    /** What the browser's script may know: who is signed in, and the CSRF token to echo. */
    public record BrowserSession(MeResource.Me user, String csrfToken) {
    }

    public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    @POST
    @Path("sessions")
    @PermitAll
    public Response signIn(@NotNull @Valid SignIn request) {
        return browser(sessions.signIn(request.email(), request.password(), request.totpCode(), clientAddress.get()));
    }

    @POST
    @Path("sessions/refresh")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response refresh(@CookieParam(SessionCookies.REFRESH) String refreshToken) {
        if (refreshToken == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "session.expired");
        }
        return browser(sessions.refresh(refreshToken));
    }

    @DELETE
    @Path("sessions/current")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response signOut(@CookieParam(SessionCookies.REFRESH) String refreshToken) {
        var caller = security.getUserPrincipal() instanceof SignedInCaller c ? c.accountId() : null;
        sessions.signOut(refreshToken, caller);
        return Response.noContent().cookie(SessionCookies.clear(clientAddress.isHttps())).build();
    }

    @POST
    @Path("tokens")
    @PermitAll
    public Tokens issueTokens(@NotNull @Valid SignIn request) {
        return tokens(sessions.signIn(request.email(), request.password(), request.totpCode(), clientAddress.get()));
    }

    @POST
    @Path("tokens/refresh")
    @PermitAll
    public Tokens refreshTokens(@NotNull @Valid RefreshRequest request) {
        return tokens(sessions.refresh(request.refreshToken()));
    }

    private Response browser(SessionService.Session session) {
        return Response.ok(new BrowserSession(MeResource.Me.of(session.account(), session.caller()), session.caller().csrfToken()))
                .cookie(SessionCookies.issue(session.accessToken(), session.refreshToken(), SessionService.REFRESH_LIFETIME,
                        session.caller().csrfToken(), clientAddress.isHttps()))
                .build();
    }

    private static Tokens tokens(SessionService.Session session) {
        return new Tokens(session.accessToken(), session.refreshToken(), "Bearer", AccessTokens.LIFETIME.toSeconds());
    }
}
