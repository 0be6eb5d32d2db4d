package org.madang.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;
import org.madang.election.ElectionDriver;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Two instances behind nginx on one PostgreSQL (the {@code resilience} profile), under a mixed load of ballot casts,
 * revotes, forum replies and reads, poll answers and public reads for several minutes, while one instance is killed
 * with SIGKILL and PostgreSQL is restarted. Afterwards every acknowledged ballot is on the board where its receipt
 * says, the chain is one unbroken chain, the published record verifies (so nothing is counted twice), every
 * acknowledged forum reply is stored once, the poll counts exactly the acknowledged answers, and the service answered
 * again within 30 s of each fault.
 */
class ResilienceIT {

    private static final Map<String, Map<String, Integer>> YES_KIM = Map.of("referendum", Map.of("yes", 1), "mayor", Map.of("kim", 1));
    private static final Map<String, Map<String, Integer>> NO_LEE = Map.of("referendum", Map.of("no", 1), "mayor", Map.of("lee", 1));
    private static final int VOTERS = 48;
    private static final int BALLOTS_PER_VOTER = 16;
    private static final int WORKERS = 6;
    private static final int FORUM_WRITERS = 8;
    /** Each worker's pause between ballots: about six ballots a second in all, for the whole run. */
    private static final long PACE_MILLIS = 1000;
    private static final long RUN_MILLIS = TimeUnit.SECONDS.toMillis(Long.getLong("madang.resilience.seconds", 120));

    /** A receipt the service gave: what the voter would keep. */
    private record Receipt(String credential, String confirmationCode, long position, String chainHash) {
    }

    private final Set<Receipt> receipts = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastAcknowledged = new AtomicLong();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final Latencies latencies = new Latencies();

    @Test
    void nothingAcknowledgedIsLostWhenAnInstanceDiesAndTheDatabaseRestarts() throws Exception {
        MadangServer server = MadangServer.get();
        assertThat(server.instanceCount()).as("run with -Dmadang.it.instances=2 (the resilience profile)").isGreaterThanOrEqualTo(2);

        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1);
        List<ElectionDriver.Voter> voters = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) voters.add(election.new Voter(People.citizen()));
        election.importRoll(voters.stream().map(v -> v.person).toList(), "seoul");
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voters.forEach(ElectionDriver.Voter::register);
        election.moveOk("OPEN");
        // each voter's ballots, encrypted and signed before the clock starts; later ones supersede earlier ones
        Map<ElectionDriver.Voter, List<String>> envelopes = new HashMap<>();
        for (var v : voters) {
            List<String> mine = new ArrayList<>();
            for (int b = 0; b < BALLOTS_PER_VOTER; b++) {
                mine.add(v.signedEnvelope(v.encrypt("style-seoul", b % 2 == 0 ? YES_KIM : NO_LEE, BallotState.CAST)));
            }
            envelopes.put(v, mine);
        }

        var forum = new ForumTraffic(FORUM_WRITERS, latencies);
        var poll = new PollTraffic(voters.stream().map(v -> v.person.session()).toList(), latencies);

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1 + FORUM_WRITERS + 2);
        List<Future<?>> work = new ArrayList<>();
        long started = System.currentTimeMillis();
        for (int w = 0; w < WORKERS; w++) {
            List<ElectionDriver.Voter> mine = new ArrayList<>();
            for (int i = w; i < voters.size(); i += WORKERS) mine.add(voters.get(i));
            work.add(pool.submit(() -> castAll(mine, envelopes, election, running)));
        }
        work.add(pool.submit(() -> readWhile(election, running)));
        for (int w = 0; w < FORUM_WRITERS; w++) {
            final int writer = w;
            work.add(pool.submit(() -> forum.write(writer, running)));
        }
        work.add(pool.submit(() -> forum.read(running)));
        // the voters answer the poll too, spread over the run
        work.add(pool.submit(() -> poll.answer(0, 1, RUN_MILLIS / (2 * VOTERS), running)));

        Map<String, Long> recovery = new HashMap<>();
        try {
            awaitReceipts(20, started);
            long killed = System.currentTimeMillis();
            server.killInstance(0);
            recovery.put("instance killed", awaitAcknowledgementAfter(killed));
            server.startInstance(0);
            awaitReceipts(receipts.size() + 20, started);
            long restarted = System.currentTimeMillis();
            MadangServer.restartDatabase();
            recovery.put("database restarted", awaitAcknowledgementAfter(restarted));
            while (System.currentTimeMillis() - started < RUN_MILLIS && work.stream().anyMatch(f -> !f.isDone())) Thread.sleep(200);
        } finally {
            running.set(false);
            for (var f : work) f.get(5, TimeUnit.MINUTES);
            pool.shutdownNow();
        }
        System.out.printf("resilience: %d receipts, %d board reads, %d forum replies, %d forum reads, %d poll answers;"
                        + " %d failed attempts (retried) in %.0f s; service answered again %s%s%n",
                receipts.size(), reads.get(), forum.acknowledgedCount(), forum.reads(), poll.acknowledgedCount(),
                failedAttempts.get() + forum.failedAttempts() + poll.failedAttempts(), (System.currentTimeMillis() - started) / 1000.0,
                recovery, latencies.summary());
        recovery.forEach((fault, millis) -> assertThat(millis).as("answered again after: " + fault).isLessThanOrEqualTo(30_000));

        forum.verify();
        poll.verify();
        assertThat(forum.acknowledgedCount()).as("forum replies got through").isGreaterThan(FORUM_WRITERS);
        assertThat(poll.acknowledgedCount()).as("poll answers got through").isGreaterThan(VOTERS / 2);

        Map<String, JsonObject> board = board(election);
        for (Receipt r : receipts) {
            JsonObject entry = board.get(r.confirmationCode());
            assertThat(entry).as("receipted ballot " + r.confirmationCode() + " is on the board").isNotNull();
            assertThat(entry.getJsonNumber("position").longValue()).isEqualTo(r.position());
            assertThat(entry.getString("hash")).isEqualTo(r.chainHash());
            assertThat(entry.getString("credential")).isEqualTo(r.credential());
        }

        election.moveOk("CLOSED");
        election.moveOk("TALLYING");
        election.awaitTally(true, java.time.Duration.ofMinutes(5));
        election.moveOk("DECRYPTED");
        election.moveOk("PUBLISHED");
        VerificationReport report = new RecordVerifier().verify(election.downloadRecord());
        assertThat(report.status()).as(report.toString()).isEqualTo(VerificationReport.Status.VERIFIED);
        var counted = Session.anonymous().get(election.path("/record/madang/counted.json")).json().getJsonArray("counted")
                .getValuesAs(JsonObject.class);
        long credentials = receipts.stream().map(Receipt::credential).distinct().count();
        assertThat(counted).as("one counted ballot per credential that cast").hasSize((int) credentials);
    }

    /** Casts each voter's ballots in turn; a failed attempt (refused connection, 5xx) is retried with the same ballot. */
    private Void castAll(List<ElectionDriver.Voter> voters, Map<ElectionDriver.Voter, List<String>> envelopes,
            ElectionDriver election, AtomicBoolean running) throws InterruptedException {
        for (int round = 0; round < BALLOTS_PER_VOTER && running.get(); round++) {
            for (var v : voters) {
                String envelope = envelopes.get(v).get(round);
                while (running.get()) {
                    try {
                        var reply = latencies.time("ballot cast", () -> v.castEnvelope(envelope));
                        if (reply.status() == 201 || reply.status() == 200) {
                            var json = reply.json();
                            receipts.add(new Receipt(java.util.HexFormat.of().formatHex(v.credential.credential()),
                                    json.getString("confirmationCode"), json.getJsonNumber("position").longValue(), json.getString("chainHash")));
                            lastAcknowledged.set(System.currentTimeMillis());
                            break;
                        }
                        assertThat(reply.status()).as("a fault may fail a request, never refuse a good ballot: " + reply).isGreaterThanOrEqualTo(500);
                    } catch (RuntimeException connectionLost) {
                        // the instance died under this request, or nginx had no instance left: try again
                    }
                    failedAttempts.incrementAndGet();
                    Thread.sleep(200);
                }
                Thread.sleep(PACE_MILLIS);
            }
        }
        return null;
    }

    private Void readWhile(ElectionDriver election, AtomicBoolean running) throws InterruptedException {
        while (running.get()) {
            try {
                String path = ThreadLocalRandom.current().nextBoolean() ? election.path("/board?size=20") : "/api/elections";
                if (latencies.time("board read", () -> Session.anonymous().get(path)).status() == 200) reads.incrementAndGet();
            } catch (RuntimeException faultInProgress) {
                // counted by the writers' recovery times
            }
            Thread.sleep(50);
        }
        return null;
    }

    private void awaitReceipts(int count, long started) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(4);
        while (receipts.size() < count) {
            assertThat(System.currentTimeMillis()).as(count + " receipts (run started " + started + ")").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Milliseconds from a fault until the next acknowledged ballot. */
    private long awaitAcknowledgementAfter(long fault) throws InterruptedException {
        long deadline = fault + TimeUnit.MINUTES.toMillis(2);
        while (lastAcknowledged.get() <= fault) {
            assertThat(System.currentTimeMillis()).as("the service answers again").isLessThan(deadline);
            Thread.sleep(20);
        }
        return lastAcknowledged.get() - fault;
    }

    private static Map<String, JsonObject> board(ElectionDriver election) {
        Map<String, JsonObject> byCode = new HashMap<>();
        for (int page = 0; ; page++) {
            var items = Session.anonymous().get(election.path("/board?size=200&page=" + page)).json().getJsonArray("items")
                    .getValuesAs(JsonObject.class);
            if (items.isEmpty()) return byCode;
            for (var entry : items) assertThat(byCode.put(entry.getString("confirmationCode"), entry)).as("codes are unique").isNull();
        }
    }
}
