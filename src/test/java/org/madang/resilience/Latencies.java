package org.madang.resilience;

import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Latencies of the requests that succeeded, per kind, for the figures the run prints (never asserted). */
final class Latencies {

    private final Map<String, Queue<Long>> byKind = new ConcurrentHashMap<>();

    <T> T time(String kind, Supplier<T> request) {
        long start = System.nanoTime();
        T result = request.get();
        byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
        return result;
    }

    /** "kind: n, p50 x ms, p99 y ms" for each kind. */
    String summary() {
        var lines = new StringBuilder();
        new TreeMap<>(byKind).forEach((kind, queue) -> {
            long[] sorted = queue.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) return;
            lines.append(String.format("%n  %-14s %6d requests, p50 %7.1f ms, p99 %7.1f ms, max %7.1f ms", kind, sorted.length,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6));
        });
        return lines.toString();
    }
}
