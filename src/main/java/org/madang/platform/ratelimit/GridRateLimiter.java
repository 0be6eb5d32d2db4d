package org.madang.platform.ratelimit;

import com.hazelcast.map.IMap;
import jakarta.enterprise.inject.Vetoed;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts shared by every instance of a cluster, in the data grid. Each key counts per fixed window, and the sliding
 * window is estimated from the current and the previous window (the previous one weighted by how much of it still
 * overlaps), which needs two map entries per key instead of one timestamp per attempt.
 */
@Vetoed
public class GridRateLimiter implements RateLimiter {

    static final String MAP = "madang-rate-limits";

    private final IMap<String, Long> counts;
    private final Clock clock;

    public GridRateLimiter(IMap<String, Long> counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window) {
        long size = Math.max(1, window.toMillis());
        long now = clock.millis();
        long index = now / size;
        double overlap = 1.0 - (double) (now % size) / size;
        Long previous = counts.get(key + "@" + (index - 1));
        double carried = previous == null ? 0 : previous * overlap;
        String current = key + "@" + index;
        while (true) {
            Long count = counts.get(current);
            long c = count == null ? 0 : count;
            if (carried + c >= limit) return false;
            boolean stored = count == null
                    ? counts.putIfAbsent(current, 1L, 2 * size, TimeUnit.MILLISECONDS) == null
                    : counts.replace(current, count, c + 1);
            if (stored) return true;
        }
    }
}
