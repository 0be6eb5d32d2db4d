package org.madang.platform.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Set;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Finds the caller of an API request: an {@code Authorization: Bearer} token (API clients) or the HttpOnly access
 * cookie (browsers). A cookie is sent by the browser on its own, so with a cookie every state-changing request must
 * also carry the CSRF token that was issued with it, in the {@code X-CSRF-Token} header.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthentication implements ContainerRequestFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AccessTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        SignedInCaller caller = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = tokens.verify(authorization.substring(7).trim()).orElse(null);
        } else {
            var cookie = request.getCookies().get(SessionCookies.ACCESS);
            if (cookie != null) {
                caller = tokens.verify(cookie.getValue()).orElse(null);
                if (caller != null && !SAFE_METHODS.contains(request.getMethod())
                        && !sameSecret(caller.csrfToken(), request.getHeaderString(CSRF_HEADER))) {
                    throw new ProblemException(ProblemType.CSRF, "csrf");
                }
            }
        }
        if (caller != null) {
            request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
        }
    }

    private static boolean sameSecret(String expected, String offered) {
        if (expected == null || offered == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    private record CallerContext(SignedInCaller caller, boolean secure) implements SecurityContext {
        @Override public Principal getUserPrincipal() { return caller; }
        @Override public boolean isUserInRole(String role) { return Role.ANY_SIGNED_IN.equals(role) || caller.groups().contains(role); }
        @Override public boolean isSecure() { return secure; }
        @Override public String getAuthenticationScheme() { return "Bearer"; }
    }
}
