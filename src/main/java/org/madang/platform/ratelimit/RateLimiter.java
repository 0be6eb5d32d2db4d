package org.madang.platform.ratelimit;

import java.time.Duration;

/**
 * Counts attempts per key (an account, an address) in a sliding window. One instance keeps counts in memory; a
 * cluster supplies an implementation backed by its shared data grid.
 */
public interface RateLimiter {

    /** Records one attempt and tells whether it is within {@code limit} attempts per {@code window}. */
    boolean tryAcquire(String key, int limit, Duration window);
}
