package org.madang.platform.ratelimit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.web.ClientAddress;

/**
 * A ceiling on state-changing requests per signed-in person (or, for signed-out callers, per address), so that no
 * single account or script can flood the platform. Features add tighter limits of their own where needed.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class WriteRateLimit implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    RateLimiter limiter;

    @Inject
    ClientAddress clientAddress;

    @Inject
    @ConfigProperty(name = "madang.ratelimit.writes-per-minute", defaultValue = "120")
    int perMinute;

    @Inject
    @ConfigProperty(name = "madang.ratelimit.per-address-scale", defaultValue = "1")
    int addressScale;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) return;
        boolean signedIn = request.getSecurityContext().getUserPrincipal() instanceof SignedInCaller;
        String key = signedIn
                ? "writes:account:" + request.getSecurityContext().getUserPrincipal().getName()
                : "writes:address:" + clientAddress.get();
        int limit = signedIn ? perMinute : perMinute * addressScale;
        if (!limiter.tryAcquire(key, limit, Duration.ofMinutes(1))) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "rateLimited");
        }
    }
}
