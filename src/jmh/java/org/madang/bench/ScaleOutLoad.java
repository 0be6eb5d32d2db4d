package org.madang.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.ballot.record.BallotState;
import org.madang.election.ElectionDriver;
import org.madang.testing.Api;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * One instance against two behind nginx, in one run on one PostgreSQL: starts a two-instance cluster as the resilience
 * tests do, then measures ballot intake and forum thread reads first sent to instance 0 directly, then through the load
 * balancer to both, and prints the throughputs and their ratio (the goal is 1.7x; it needs the cores to match).
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.ScaleOutLoad -Dbench.args="1500 30 16"</pre>
 * (ballots per phase, seconds of reads per phase, client threads)
 */
public final class ScaleOutLoad {

    private record Figures(double perSecond, double p99Millis, int failures) {
        @Override
        public String toString() {
            return String.format("%.1f/s, p99 %.1f ms, %d failed", perSecond, p99Millis, failures);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1) args = args[0].trim().split("\\s+"); // exec:exec passes bench.args as one argument
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int readSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        System.setProperty("madang.it.db", "postgres");
        System.setProperty("madang.it.instances", "2");

        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1, IntakeLoad.tenOptionManifest());
        List<ElectionDriver.Voter> voters = new ArrayList<>();
        for (int i = 0; i < 200; i++) voters.add(election.new Voter(People.citizen()));
        election.importRoll(voters.stream().map(v -> v.person).toList(), "seoul");
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voters.forEach(ElectionDriver.Voter::register);
        election.moveOk("OPEN");
        int warmUp = ballots / 3;
        System.out.printf("encrypting and signing %d ballots ...%n", warmUp + 2 * ballots);
        List<String[]> casts = new ArrayList<>(); // {voter index, envelope}
        for (int i = 0; i < warmUp + 2 * ballots; i++) {
            var voter = voters.get(i % voters.size());
            casts.add(new String[] {Integer.toString(i % voters.size()),
                voter.signedEnvelope(voter.encrypt("style-seoul", Map.of("choice", Map.of("o" + (1 + i % 10), 1)), BallotState.CAST))});
        }

        var forum = RoleSessions.session(Who.ADMIN).post("/api/forums", Api.json("titleKo", "규모 시험 토론방", "titleEn", "Scale-out test",
                "description", "load", "stanceRequired", false, "residentsOnly", false));
        var thread = People.citizen().session().post("/api/forums/" + forum.json().getString("id") + "/threads",
                Api.json("title", "오백 개의 답글", "body", "규모 시험", "stance", "NEUTRAL"));
        UUID threadId = UUID.fromString(thread.json().getString("id"));
        ThreadReadLoad.writeReplies(threadId, 500);
        List<String> pages = List.of("/api/forums/threads/" + threadId, "/api/forums/threads/" + threadId + "/replies?limit=50");

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        // warm both instances through the balancer: class loading and JIT are not what is compared
        cast(pool, voters, casts.subList(0, warmUp), null);
        read(pool, pages, 10, concurrency, null);

        Figures oneBallots = cast(pool, voters, casts.subList(warmUp, warmUp + ballots), 0);
        Figures twoBallots = cast(pool, voters, casts.subList(warmUp + ballots, warmUp + 2 * ballots), null);
        Figures oneReads = read(pool, pages, readSeconds, concurrency, 0);
        Figures twoReads = read(pool, pages, readSeconds, concurrency, null);
        System.out.printf("SCALE-OUT on %d cores, %d clients:%n", Runtime.getRuntime().availableProcessors(), concurrency);
        System.out.printf("  ballot intake: one instance %s; two behind nginx %s; ratio %.2f%n", oneBallots, twoBallots,
                twoBallots.perSecond() / oneBallots.perSecond());
        System.out.printf("  forum reads:   one instance %s; two behind nginx %s; ratio %.2f%n", oneReads, twoReads,
                twoReads.perSecond() / oneReads.perSecond());
        pool.shutdownNow();
        System.exit(0);
    }

    /** Casts each ballot once from the pool's threads, to {@code instance} directly (null: through the balancer). */
    private static Figures cast(ExecutorService pool, List<ElectionDriver.Voter> voters, List<String[]> casts, Integer instance)
            throws Exception {
        voters.forEach(v -> v.person.session().via(instance));
        long[] latencies = new long[casts.size()];
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < casts.size(); i++) {
            int n = i;
            work.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                var reply = voters.get(Integer.parseInt(casts.get(n)[0])).castEnvelope(casts.get(n)[1]);
                latencies[n] = System.nanoTime() - t0;
                if (reply.status() != 201) failures.incrementAndGet();
            }));
        }
        for (Future<?> f : work) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Figures(casts.size() / seconds, latencies[(int) (latencies.length * 0.99)] / 1e6, failures.get());
    }

    /** Reads the thread's pages round and round from every thread for {@code seconds}, through one instance or the balancer. */
    private static Figures read(ExecutorService pool, List<String> pages, int seconds, int concurrency, Integer instance) throws Exception {
        var base = instance == null ? MadangServer.get().uri("") : MadangServer.get().instanceUri(instance, "");
        var run = PageReads.run(pool, base, null, pages, concurrency, seconds);
        return new Figures(run.perSecond(), run.percentileMillis(0.99), run.failures());
    }
}
