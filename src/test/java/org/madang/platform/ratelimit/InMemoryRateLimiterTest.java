package org.madang.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) { now = now.plus(by); }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final HandClock clock = new HandClock();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();

    {
        limiter.clock = clock;
    }

    @Test
    void allowsTheLimitWithinTheWindowThenRefuses() {
        Duration window = Duration.ofMinutes(1);
        for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire("k", 3, window)).as("attempt " + i).isTrue();
        assertThat(limiter.tryAcquire("k", 3, window)).isFalse();
        clock.advance(Duration.ofSeconds(59));
        assertThat(limiter.tryAcquire("k", 3, window)).as("still inside the window").isFalse();
    }

    @Test
    void theWindowSlides() {
        Duration window = Duration.ofMinutes(1);
        assertThat(limiter.tryAcquire("k", 2, window)).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire("k", 2, window)).isTrue();
        assertThat(limiter.tryAcquire("k", 2, window)).isFalse();
        clock.advance(Duration.ofSeconds(30));
        // the first attempt is exactly a window old: it no longer counts, the second still does
        assertThat(limiter.tryAcquire("k", 2, window)).isTrue();
        assertThat(limiter.tryAcquire("k", 2, window)).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(limiter.tryAcquire("k", 2, window)).isTrue();
    }

    @Test
    void refusedAttemptsDoNotExtendTheBlock() {
        Duration window = Duration.ofMinutes(1);
        assertThat(limiter.tryAcquire("k", 1, window)).isTrue();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(limiter.tryAcquire("k", 1, window)).isFalse();
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("k", 1, window)).isTrue();
    }

    @Test
    void keysAreCountedApart() {
        Duration window = Duration.ofMinutes(1);
        assertThat(limiter.tryAcquire("sign-in:email:a@x", 1, window)).isTrue();
        assertThat(limiter.tryAcquire("sign-in:email:a@x", 1, window)).isFalse();
        assertThat(limiter.tryAcquire("sign-in:email:b@x", 1, window)).isTrue();
    }
}
