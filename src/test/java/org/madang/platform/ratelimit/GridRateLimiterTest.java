package org.madang.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two data-grid members in this JVM, as two instances of a cluster: their limits are one. */
class GridRateLimiterTest {

    private static HazelcastInstance first;
    private static HazelcastInstance second;
    private static final AtomicLong NOW = new AtomicLong(Instant.parse("2026-11-28T10:00:00Z").toEpochMilli());
    private static final Clock CLOCK = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(NOW.get()); }
    };

    @BeforeAll
    static void startGrid() {
        first = Hazelcast.newHazelcastInstance(config());
        second = Hazelcast.newHazelcastInstance(config());
        assertThat(first.getCluster().getMembers()).hasSize(2);
    }

    private static Config config() {
        Config c = new Config().setClusterName("madang-test-" + ProcessHandle.current().pid());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.getNetworkConfig().setPort(15701).setPortAutoIncrement(true);
        var join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:15701").addMember("127.0.0.1:15702");
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return c;
    }

    @AfterAll
    static void stopGrid() {
        if (second != null) second.shutdown();
        if (first != null) first.shutdown();
    }

    @Test
    void attemptsOnEitherMemberShareOneLimit() {
        var a = new GridRateLimiter(first.getMap(GridRateLimiter.MAP), CLOCK);
        var b = new GridRateLimiter(second.getMap(GridRateLimiter.MAP), CLOCK);
        Duration minute = Duration.ofMinutes(1);
        assertThat(a.tryAcquire("shared", 4, minute)).isTrue();
        assertThat(b.tryAcquire("shared", 4, minute)).isTrue();
        assertThat(a.tryAcquire("shared", 4, minute)).isTrue();
        assertThat(b.tryAcquire("shared", 4, minute)).isTrue();
        assertThat(a.tryAcquire("shared", 4, minute)).isFalse();
        assertThat(b.tryAcquire("shared", 4, minute)).isFalse();
        assertThat(b.tryAcquire("other", 4, minute)).isTrue();
    }

    @Test
    void thePreviousWindowCountsForTheShareThatStillOverlaps() {
        var limiter = new GridRateLimiter(first.getMap(GridRateLimiter.MAP), CLOCK);
        Duration minute = Duration.ofMinutes(1);
        long start = NOW.get() - NOW.get() % minute.toMillis() + 600_000; // the start of a fresh window
        NOW.set(start);
        for (int i = 0; i < 4; i++) assertThat(limiter.tryAcquire("sliding", 4, minute)).isTrue();
        assertThat(limiter.tryAcquire("sliding", 4, minute)).isFalse();
        // half-way into the next window, half of the previous 4 still count: 2 more are allowed
        NOW.set(start + 90_000);
        assertThat(limiter.tryAcquire("sliding", 4, minute)).isTrue();
        assertThat(limiter.tryAcquire("sliding", 4, minute)).isTrue();
        assertThat(limiter.tryAcquire("sliding", 4, minute)).isFalse();
        // two windows on, nothing is left
        NOW.set(start + 240_000);
        assertThat(limiter.tryAcquire("sliding", 4, minute)).isTrue();
    }

    @Test
    void concurrentAttemptsNeverExceedTheLimit() throws Exception {
        var a = new GridRateLimiter(first.getMap(GridRateLimiter.MAP), CLOCK);
        var b = new GridRateLimiter(second.getMap(GridRateLimiter.MAP), CLOCK);
        NOW.addAndGet(3_600_000);
        var allowed = new java.util.concurrent.atomic.AtomicInteger();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Void>>();
        for (int i = 0; i < 200; i++) {
            var limiter = i % 2 == 0 ? a : b;
            tasks.add(() -> {
                if (limiter.tryAcquire("race", 50, Duration.ofMinutes(1))) allowed.incrementAndGet();
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) f.get();
        pool.shutdown();
        assertThat(allowed.get()).isEqualTo(50);
    }
}
