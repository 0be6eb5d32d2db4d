package org.madang.platform.ratelimit;

import jakarta.enterprise.inject.Vetoed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/** Sliding-window counts in this JVM. Keys idle for longer than their window are dropped as they are met. */
@Vetoed
public class InMemoryRateLimiter implements RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, Deque<Long>> attempts = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    @Override
    public boolean tryAcquire(String key, int limit, Duration window) {
        long now = clock.millis();
        long oldest = now - window.toMillis();
        if (attempts.size() > MAX_KEYS) {
            attempts.entrySet().removeIf(e -> { synchronized (e.getValue()) { return e.getValue().isEmpty() || e.getValue().peekLast() < oldest; } });
        }
        var times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= oldest) times.pollFirst();
            if (times.size() >= limit) return false;
            times.addLast(now);
            return true;
        }
    }
}
