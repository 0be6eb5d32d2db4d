package org.madang.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for rate limits. X-Forwarded-For is believed only when configured
 * ({@code madang.http.trust-forwarded=true}, behind our own load balancer), since anyone can send it.
 */
@RequestScoped
public class ClientAddress {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "madang.http.trust-forwarded", defaultValue = "false")
    boolean trustForwarded;

    /** Whether the browser reached us over HTTPS (then cookies are Secure). */
    public boolean isHttps() {
        return SecurityHeaders.isHttps(request);
    }

    public String get() {
        if (trustForwarded) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return request.getRemoteAddr();
    }
}
