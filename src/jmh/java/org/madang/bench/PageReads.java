package org.madang.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Clients reading a list of pages round and round over kept-alive connections, each page timed. */
final class PageReads {

    /** What a run did: pages read, in how long, their latencies (sorted, ns) and how many were not 200. */
    record Run(int pages, double seconds, long[] sortedNanos, int failures) {
        double perSecond() { return pages / seconds; }
        double percentileMillis(double p) { return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p))] / 1e6; }
    }

    private PageReads() {
    }

    /**
     * Client t reads pages t, t + concurrency, … (mod the list) at {@code base} until {@code seconds} are up, signed
     * out, or with the bearer token when one is given.
     */
    static Run run(ExecutorService pool, URI base, String bearerToken, List<String> pages, int concurrency, int seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<long[]>> clients = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int first = t;
            clients.add(pool.submit(() -> {
                long[] timed = new long[1 << 20];
                int n = 0;
                try (var client = new KeepAliveClient(base, bearerToken)) {
                    for (int i = first; System.nanoTime() < end && n < timed.length; i += concurrency) {
                        long before = System.nanoTime();
                        int status;
                        try {
                            status = client.get(pages.get(i % pages.size()));
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        // a failed read is kept as a negative time so it is counted, not timed
                        timed[n++] = status == 200 ? System.nanoTime() - before : -1;
                    }
                }
                return Arrays.copyOf(timed, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (var client : clients) all.add(client.get());
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] every = all.stream().flatMapToLong(Arrays::stream).toArray();
        long[] timed = Arrays.stream(every).filter(t -> t >= 0).sorted().toArray();
        return new Run(every.length, elapsed, timed, every.length - timed.length);
    }
}
