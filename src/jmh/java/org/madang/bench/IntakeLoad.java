package org.madang.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.ballot.record.BallotState;
import org.madang.election.ElectionDriver;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Load driver for ballot intake: starts Madang (PostgreSQL by default) as the integration tests do, opens a demo
 * election with one contest of 10 options (limit 1) on P-256, encrypts and signs every ballot beforehand, casts WARM_UP
 * of them untimed, then the rest from CONCURRENCY client threads (voters vote again and again: each is a full check and
 * board append) and prints ballots/s, latency percentiles and who spent the CPU per ballot; then times the tally and
 * the decryption.
 *
 * <p>The server runs with {@code -XX:-TieredCompilation}, as in production (docs/deployment.md): with tiered
 * compilation on two cores, the compilers shared the cores with the load and were still compiling the intake path after
 * 10,000 ballots (a fifth of the server's CPU in the timed part). The warm-up is long for the same reason.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.IntakeLoad -Dbench.args="postgres 4000 100 16 10000"</pre>
 * (database, timed ballots, voters, concurrency, warm-up ballots)
 */
public final class IntakeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 1) args = args[0].trim().split("\\s+"); // exec:exec passes bench.args as one argument
        String db = args.length > 0 ? args[0] : "postgres";
        int ballots = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int voterCount = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        System.setProperty("madang.it.db", db);
        // the server runs as docs/deployment.md starts it in production (MADANG_IT_SERVER_JVM_ARGS overrides)
        if (System.getenv("MADANG_IT_SERVER_JVM_ARGS") == null) System.setProperty("madang.it.serverJvmArgs", "-XX:-TieredCompilation");

        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1, tenOptionManifest());
        System.out.printf("machine: %s%nsetting up %d voters on %s ...%n", ProcessCpu.machine(), voterCount, db);
        List<ElectionDriver.Voter> voters = new ArrayList<>();
        for (int i = 0; i < voterCount; i++) voters.add(election.new Voter(People.citizen()));
        election.importRoll(voters.stream().map(v -> v.person).toList(), "seoul");
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voters.forEach(ElectionDriver.Voter::register);
        election.moveOk("OPEN");

        // the voters' devices do their work (encryption, credential signature) before the clock starts: only intake is timed
        System.out.printf("encrypting and signing %d ballots ...%n", ballots + warmUp);
        List<Cast> casts = new ArrayList<>();
        String castPath = election.path("/ballots");
        for (int i = 0; i < ballots + warmUp; i++) {
            var voter = voters.get(i % voterCount);
            String envelope = voter.signedEnvelope(voter.encrypt("style-seoul", Map.of("choice", Map.of("o" + (1 + i % 10), 1)), BallotState.CAST));
            casts.add(new Cast(castPath, voter.person.session().bearerToken(), envelope.getBytes(StandardCharsets.UTF_8)));
        }
        // warm-up: the first casts pay for class loading and JIT compilation; they are cast the same way but not timed
        run(casts.subList(0, warmUp), concurrency);
        System.out.printf("warmed up with %d ballots; timing %d ...%n", warmUp, ballots);
        ProcessCpu cpu = ProcessCpu.start();
        long start = System.nanoTime();
        long[] latencies = new long[ballots];
        int failures = run(casts.subList(warmUp, ballots + warmUp), concurrency, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        String cpuUse = cpu.perUnit(ballots, "ballot");
        Arrays.sort(latencies);
        System.out.printf("INTAKE %s: %d ballots in %.1f s = %.1f ballots/s with %d clients; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d failed%n",
                db, ballots, seconds, ballots / seconds, concurrency, latencies[ballots / 2] / 1e6,
                latencies[(int) (ballots * 0.99)] / 1e6, latencies[ballots - 1] / 1e6, failures);
        System.out.println(cpuUse);

        TallyLoad.closeTallyAndDecrypt(election, voterCount + " counted ballots (of " + (ballots + warmUp) + " on the board)");
        System.exit(failures == 0 ? 0 : 1);
    }

    /** One district, one style, one contest of 10 options with a limit of 1: the 10-selection ballot. */
    static String tenOptionManifest() {
        StringBuilder options = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            if (i > 1) options.append(',');
            options.append("{\"id\":\"o").append(i).append("\",\"nameKo\":\"선택 ").append(i).append("\",\"nameEn\":\"Option ").append(i).append("\"}");
        }
        return "{\"districts\":[{\"id\":\"seoul\",\"nameKo\":\"서울\",\"nameEn\":\"Seoul\"}],"
                + "\"ballotStyles\":[{\"id\":\"style-seoul\",\"districtIds\":[\"seoul\"]}],"
                + "\"contests\":[{\"id\":\"choice\",\"kind\":\"ONE_OF_N\",\"titleKo\":\"선택\",\"titleEn\":\"Choice\",\"districtId\":\"seoul\","
                + "\"options\":[" + options + "]}]}";
    }

    private record Cast(String path, String bearerToken, byte[] envelope) {
    }

    private static int run(List<Cast> casts, int concurrency) throws Exception {
        return run(casts, concurrency, new long[casts.size()]);
    }

    /**
     * Sends every cast, in order, from {@code concurrency} clients, each on its own kept-alive connection (a lean client:
     * the driver shares the two cores with the server); returns how many were not accepted.
     */
    private static int run(List<Cast> casts, int concurrency, long[] latencies) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        URI base = MadangServer.get().uri("");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            clients.add(pool.submit(() -> {
                try (var client = new KeepAliveClient(base, null)) {
                    for (int n = next.getAndIncrement(); n < casts.size(); n = next.getAndIncrement()) {
                        Cast cast = casts.get(n);
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.post(cast.path(), cast.bearerToken(), cast.envelope());
                        } catch (IOException e) {
                            status = -1;
                        }
                        latencies[n] = System.nanoTime() - t0;
                        if (status != 201) failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> c : clients) c.get();
        pool.shutdown();
        return failures.get();
    }
}
