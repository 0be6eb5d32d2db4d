package org.madang.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.election.ElectionDriver;
import org.madang.testing.Api;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Load driver for ballot intake: starts Madang (PostgreSQL by default) as the integration tests do, opens a demo
 * election with one contest of 10 options (limit 1) on P-256, encrypts every ballot beforehand, then casts them from
 * CONCURRENCY client threads (voters vote again and again: each is a full check and board append) and prints
 * ballots/s and latency percentiles; then times the tally and the decryption.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.IntakeLoad -Dbench.args="postgres 3000 200 16"</pre>
 */
public final class IntakeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 1) args = args[0].trim().split("\\s+"); // exec:exec passes bench.args as one argument
        String db = args.length > 0 ? args[0] : "postgres";
        int ballots = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int voterCount = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        System.setProperty("madang.it.db", db);

        StringBuilder options = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            if (i > 1) options.append(',');
            options.append("{\"id\":\"o").append(i).append("\",\"nameKo\":\"선택 ").append(i).append("\",\"nameEn\":\"Option ").append(i).append("\"}");
        }
        String manifest = "{\"districts\":[{\"id\":\"seoul\",\"nameKo\":\"서울\",\"nameEn\":\"Seoul\"}],"
                + "\"ballotStyles\":[{\"id\":\"style-seoul\",\"districtIds\":[\"seoul\"]}],"
                + "\"contests\":[{\"id\":\"choice\",\"kind\":\"ONE_OF_N\",\"titleKo\":\"선택\",\"titleEn\":\"Choice\",\"districtId\":\"seoul\","
                + "\"options\":[" + options + "]}]}";
        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1, manifest);
        System.out.printf("setting up %d voters on %s ...%n", voterCount, db);
        List<ElectionDriver.Voter> voters = new ArrayList<>();
        for (int i = 0; i < voterCount; i++) voters.add(election.new Voter(People.citizen()));
        election.importRoll(voters.stream().map(v -> v.person).toList(), "seoul");
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voters.forEach(ElectionDriver.Voter::register);
        election.moveOk("OPEN");

        System.out.printf("encrypting %d ballots ...%n", ballots);
        List<EncryptedBallot> encrypted = new ArrayList<>();
        for (int i = 0; i < ballots; i++) {
            encrypted.add(voters.get(i % voterCount).encrypt("style-seoul", Map.of("choice", Map.of("o" + (1 + i % 10), 1)), BallotState.CAST));
        }
        // warm-up: the first casts pay for class loading and JIT, not counted
        for (int i = 0; i < Math.min(voterCount, 50); i++) {
            voters.get(i).cast(voters.get(i).encrypt("style-seoul", Map.of("choice", Map.of("o1", 1)), BallotState.CAST));
        }

        long[] latencies = new long[ballots];
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < ballots; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                Api.Reply reply = voters.get(n % voterCount).cast(encrypted.get(n));
                latencies[n] = System.nanoTime() - t0;
                if (reply.status() != 201) failures.incrementAndGet();
            }));
        }
        for (Future<?> f : work) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("INTAKE %s: %d ballots in %.1f s = %.1f ballots/s with %d clients; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d failed%n",
                db, ballots, seconds, ballots / seconds, concurrency, latencies[ballots / 2] / 1e6,
                latencies[(int) (ballots * 0.99)] / 1e6, latencies[ballots - 1] / 1e6, failures.get());

        election.moveOk("CLOSED");
        long t0 = System.nanoTime();
        election.moveOk("TALLYING");
        election.awaitTally(false, Duration.ofHours(2));
        long tallied = System.nanoTime();
        election.awaitTally(true, Duration.ofHours(2));
        long decrypted = System.nanoTime();
        System.out.printf("TALLY %s: %d counted ballots (of %d on the board) tallied in %.1f s, decrypted in %.1f s more%n", db,
                voterCount, ballots + Math.min(voterCount, 50), (tallied - t0) / 1e9, (decrypted - tallied) / 1e9);
        System.exit(failures.get() == 0 ? 0 : 1);
    }
}
