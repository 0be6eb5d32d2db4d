package org.madang.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Browser protections on every response, pages and API alike. The CSP allows no inline script or style. */
@WebFilter(urlPatterns = "/*", asyncSupported = true, filterName = "SecurityHeaders")
public class SecurityHeaders extends HttpFilter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    private static final java.util.regex.Pattern EMBEDDABLE = java.util.regex.Pattern.compile("/api/polls/[0-9a-fA-F-]{36}/widget");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (EMBEDDABLE.matcher(request.getRequestURI()).matches()) {
            // A poll's results widget is made to be framed by other sites; nothing else is.
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *"));
        } else {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (isHttps(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (request.getRequestURI().startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** Read once: a configuration look-up on every request costs more than the rest of this filter. */
    private static volatile Boolean trustForwarded;

    /** Behind our own proxy (madang.http.trust-forwarded=true) the original scheme arrives in X-Forwarded-Proto. */
    public static boolean isHttps(HttpServletRequest request) {
        if (request.isSecure()) return true;
        if (trustForwarded == null) {
            trustForwarded = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("madang.http.trust-forwarded", Boolean.class).orElse(false);
        }
        return trustForwarded && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
