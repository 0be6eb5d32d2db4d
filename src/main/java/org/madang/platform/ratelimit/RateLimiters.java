package org.madang.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import org.madang.platform.cluster.DataGrid;

/** The rate limiter: shared through the data grid when the instance has one, else this JVM's own. */
@ApplicationScoped
public class RateLimiters {

    @Inject
    DataGrid grid;

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter() {
        return grid.member()
                .<RateLimiter>map(h -> new GridRateLimiter(h.getMap(GridRateLimiter.MAP), Clock.systemUTC()))
                .orElseGet(InMemoryRateLimiter::new);
    }
}
