package org.madang.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Load driver for poll responses: starts Madang (PostgreSQL by default) as the integration tests do, makes a LIVE
 * single-choice poll that allows changing answers, signs in VOTERS citizens, warms up, then for SECONDS lets
 * CONCURRENCY client threads send answers (each voter's first is an insert, the rest are changes) and prints
 * responses/s and latency percentiles. The per-account limits must be lifted for the server under test:
 *
 * <pre>MADANG_IT_SERVER_JVM_ARGS="-Dmadang.polls.responses-per-minute=1000000 -Dmadang.ratelimit.writes-per-minute=1000000" \
 * mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.PollIntakeLoad -Dbench.args="postgres 60 100 16"</pre>
 * (database, timed seconds, voters, concurrency)
 */
public final class PollIntakeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 1) args = args[0].trim().split("\\s+"); // exec:exec passes bench.args as one argument
        String db = args.length > 0 ? args[0] : "postgres";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int voterCount = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        System.setProperty("madang.it.db", db);

        String form = "{\"kind\":\"SINGLE\",\"questionKo\":\"부하 시험\",\"questionEn\":\"Load test\",\"options\":["
                + "{\"ko\":\"가\",\"en\":\"A\"},{\"ko\":\"나\",\"en\":\"B\"},{\"ko\":\"다\",\"en\":\"C\"}],"
                + "\"audience\":\"SIGNED_IN\",\"opensAt\":\"" + Instant.now().minusSeconds(60) + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(86400) + "\",\"allowChange\":true,\"visibility\":\"LIVE\"}";
        var created = RoleSessions.session(Who.MODERATOR).post("/api/polls", form);
        if (created.status() != 201) throw new IllegalStateException(created.toString());
        String path = "/api/polls/" + created.json().getString("id") + "/response";
        System.out.printf("setting up %d voters on %s ...%n", voterCount, db);
        List<Session> voters = new ArrayList<>();
        for (int i = 0; i < voterCount; i++) voters.add(People.citizen().session());

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        runFor(pool, voters, path, concurrency, 5, null);
        System.out.printf("warmed up for 5 s; timing %d s ...%n", seconds);
        List<long[]> latencies = new ArrayList<>();
        var failures = new AtomicInteger();
        long start = System.nanoTime();
        int done = runFor(pool, voters, path, concurrency, seconds, new Recorder(latencies, failures));
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(l -> l > 0).sorted().toArray();
        System.out.printf("POLL INTAKE %s: %d responses in %.1f s = %.1f responses/s with %d clients; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d failed%n",
                db, done, elapsed, done / elapsed, concurrency, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                all[all.length - 1] / 1e6, failures.get());
        pool.shutdownNow();
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    private record Recorder(List<long[]> latencies, AtomicInteger failures) {
    }

    /** Each client thread answers as voter (thread + n·concurrency), round and round, until the time is up. */
    private static int runFor(ExecutorService pool, List<Session> voters, String path, int concurrency, int seconds,
                              Recorder recorder) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Integer>> clients = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            long[] mine = new long[2_000_000 / concurrency];
            if (recorder != null) synchronized (recorder.latencies()) { recorder.latencies().add(mine); }
            clients.add(pool.submit(() -> {
                int n = 0;
                for (int i = thread; System.nanoTime() < end; i += concurrency) {
                    long before = System.nanoTime();
                    var reply = voters.get(i % voters.size()).put(path, "{\"choices\":[" + (i % 3) + "]}");
                    if (recorder != null && n < mine.length) mine[n] = System.nanoTime() - before;
                    if (reply.status() != 200 && recorder != null) recorder.failures().incrementAndGet();
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        for (var c : clients) total += c.get();
        return total;
    }
}
