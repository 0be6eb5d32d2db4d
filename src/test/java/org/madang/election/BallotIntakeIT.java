package org.madang.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** Ballot intake under attack, under load and across a crash: the board stays a single intact chain. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BallotIntakeIT {

    private static final Map<String, Map<String, Integer>> YES_KIM = Map.of("referendum", Map.of("yes", 1), "mayor", Map.of("kim", 1));

    private static ElectionDriver openElection(List<ElectionDriver.Voter> voters, int count, ElectionDriver election) {
        for (int i = 0; i < count; i++) voters.add(election.new Voter(People.citizen()));
        election.importRoll(voters.stream().map(v -> v.person).toList(), "seoul");
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voters.forEach(ElectionDriver.Voter::register);
        election.moveOk("OPEN");
        return election;
    }

    @Test
    @Order(1)
    void badBallotsAreRefusedAndLeaveNoTrace() throws Exception {
        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1);
        List<ElectionDriver.Voter> voters = new ArrayList<>();
        var outsider = election.new Voter(People.citizen());
        var early = election.new Voter(People.citizen());
        for (int i = 0; i < 2; i++) voters.add(election.new Voter(People.citizen()));
        election.importRoll(List.of(voters.get(0).person, voters.get(1).person, early.person), "seoul");
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voters.forEach(ElectionDriver.Voter::register);
        early.register();
        var beforeOpen = early.cast(early.encrypt("style-seoul", YES_KIM, BallotState.CAST));
        assertThat(beforeOpen.status()).as("cast before open: " + beforeOpen).isEqualTo(409);
        election.moveOk("OPEN");
        var voter = voters.get(0);

        EncryptedBallot good = voter.encrypt("style-seoul", YES_KIM, BallotState.CAST);
        byte[] signature = voter.credential.sign(good.electionId(), good.confirmationCode());
        Session s = voter.person.session();
        // a proof challenge changed
        String envelope = ElectionDriver.envelope(good, signature);
        var challenge = java.util.regex.Pattern.compile("\"challenge\"\\s*:\\s*\"([A-Za-z0-9+/])").matcher(envelope);
        assertThat(challenge.find()).as(envelope).isTrue();
        String brokenProof = envelope.substring(0, challenge.start(1)) + (challenge.group(1).equals("B") ? "C" : "B")
                + envelope.substring(challenge.end(1));
        expectRefused(s.post(election.path("/ballots"), brokenProof), 422);
        // wrong style, over the limit, unsigned, signed by another credential, malformed JSON, not on the roll
        expectRefused(voter.cast(voter.encrypt("style-busan", Map.of("port", Map.of("a", 1)), BallotState.CAST)), 422);
        expectRefused(voter.cast(overLimit(voter)), 422);
        expectRefused(s.post(election.path("/ballots"), "{\"ballot\":" + envelope.substring(10, envelope.lastIndexOf(",\"signature\"")) + "}"), 400);
        var stranger = CredentialSignature.KeyPair.generate(new java.security.SecureRandom());
        expectRefused(s.post(election.path("/ballots"), ElectionDriver.envelope(good, stranger.sign(good.electionId(), good.confirmationCode()))), 422);
        expectRefused(s.post(election.path("/ballots"), "{\"ballot\": {\"ballot_id\": "), 400);
        expectRefused(outsider.cast(good), 403);
        // replayed from another election: a ballot made for a second election, cast here with a valid signature
        var other = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1);
        List<ElectionDriver.Voter> otherVoters = new ArrayList<>();
        openElection(otherVoters, 1, other);
        EncryptedBallot foreign = otherVoters.get(0).encrypt("style-seoul", YES_KIM, BallotState.CAST);
        expectRefused(s.post(election.path("/ballots"), ElectionDriver.envelope(foreign, voter.credential.sign(foreign.electionId(), foreign.confirmationCode()))), 422);
        assertThat(Session.anonymous().get(election.path("/board")).json().getInt("total")).as("nothing reached the board").isZero();

        assertThat(s.post(election.path("/ballots"), envelope).status()).isEqualTo(201);
        election.moveOk("CLOSED");
        expectRefused(voters.get(1).cast(voters.get(1).encrypt("style-seoul", YES_KIM, BallotState.CAST)), 409);
        assertThat(Session.anonymous().get(election.path("/board")).json().getInt("total")).isEqualTo(1);
    }

    /**
     * Two votes in a 1-of-2 contest. An honest device folds an over-vote into zeros (spec 2.1), so the ballot is forged:
     * a "yes" ballot whose "no" selection is taken, with its valid selection proof, from a "no" ballot. Every selection
     * proof still verifies; only the contest limit proof can catch it.
     */
    private static EncryptedBallot overLimit(ElectionDriver.Voter voter) {
        EncryptedBallot yes = voter.encrypt("style-seoul", YES_KIM, BallotState.CAST);
        EncryptedBallot no = voter.encrypt("style-seoul", Map.of("referendum", Map.of("no", 1), "mayor", Map.of("kim", 1)), BallotState.CAST);
        List<EncryptedBallot.Contest> contests = new ArrayList<>();
        for (int c = 0; c < yes.contests().size(); c++) {
            var contest = yes.contests().get(c);
            if (!contest.contestId().equals("referendum")) {
                contests.add(contest);
                continue;
            }
            var donor = no.contests().get(c);
            List<EncryptedBallot.Selection> selections = new ArrayList<>();
            for (int i = 0; i < contest.selections().size(); i++) {
                selections.add(contest.selections().get(i).selectionId().equals("no") ? donor.selections().get(i) : contest.selections().get(i));
            }
            contests.add(new EncryptedBallot.Contest(contest.contestId(), contest.sequenceOrder(), contest.contestHash(), selections,
                    contest.proof(), contest.contestData()));
        }
        return new EncryptedBallot(yes.ballotId(), yes.ballotStyleId(), yes.encryptingDevice(), yes.timestamp(), yes.codeBaux(),
                yes.confirmationCode(), yes.electionId(), contests, yes.state(), yes.encryptedSn(), yes.isPreencrypt());
    }

    private static void expectRefused(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    }

    @Test
    @Order(2)
    void concurrentCastsOnOneCredentialAndByManyVotersAllLandOnOneChain() throws Exception {
        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1);
        List<ElectionDriver.Voter> voters = new ArrayList<>();
        openElection(voters, 100, election);
        var one = voters.get(0);
        List<EncryptedBallot> revotes = new ArrayList<>();
        for (int i = 0; i < 100; i++) revotes.add(one.encrypt("style-seoul", YES_KIM, BallotState.CAST));
        List<EncryptedBallot> many = new ArrayList<>();
        for (var v : voters) many.add(v.encrypt("style-seoul", YES_KIM, BallotState.CAST));

        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> replies = new ArrayList<>();
            for (var b : revotes) replies.add(pool.submit(() -> { go.await(); return one.cast(b).status(); }));
            for (int i = 0; i < voters.size(); i++) {
                var v = voters.get(i);
                var b = many.get(i);
                replies.add(pool.submit(() -> { go.await(); return v.cast(b).status(); }));
            }
            go.countDown();
            for (var r : replies) assertThat(r.get()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        // the same ballot sent twice at once is one entry
        assertThat(one.cast(revotes.get(5)).status()).isEqualTo(200);
        assertChainIntact(election, 200);
        assertThat(countedFor(election, HexFormat.of().formatHex(one.credential.credential()))).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aKilledServerKeepsEveryReceiptItIssuedAndCountsNothingTwice() throws Exception {
        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1);
        List<ElectionDriver.Voter> voters = new ArrayList<>();
        openElection(voters, 40, election);
        List<EncryptedBallot> ballots = new ArrayList<>();
        for (var v : voters) ballots.add(v.encrypt("style-seoul", YES_KIM, BallotState.CAST));
        Set<String> receipted = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < voters.size(); i++) {
                var v = voters.get(i);
                var b = ballots.get(i);
                work.add(pool.submit(() -> {
                    try {
                        var reply = v.cast(b);
                        if (reply.status() == 201) receipted.add(reply.json().getString("confirmationCode"));
                    } catch (RuntimeException connectionLost) {
                        // the server died under this request: no receipt was issued
                    }
                }));
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (receipted.size() < 10) {
                assertThat(System.nanoTime()).as("ten receipts before the crash").isLessThan(deadline);
                Thread.sleep(20);
            }
            MadangServer.get().killAndRestart();
            killed.set(true);
            for (var w : work) w.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(killed).isTrue();
        // every voter tries again after the restart; whatever landed before is answered with the same receipt
        for (int i = 0; i < voters.size(); i++) {
            var reply = voters.get(i).cast(ballots.get(i));
            assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        }
        var board = assertChainIntact(election, voters.size());
        for (String code : receipted) {
            assertThat(board).as("receipted ballot " + code + " is on the board").contains(code);
        }
    }

    /** Walks the whole board: positions 1..n, each entry chained to the one before from H_E; returns the codes. */
    private static Set<String> assertChainIntact(ElectionDriver election, int expected) {
        var head = Session.anonymous().get(election.path("")).json();
        String previous = head.getString("extendedBaseHash");
        Set<String> codes = new java.util.HashSet<>();
        int position = 0;
        for (int page = 0; ; page++) {
            var reply = Session.anonymous().get(election.path("/board?size=200&page=" + page)).json();
            var items = reply.getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class);
            if (items.isEmpty()) break;
            for (var entry : items) {
                assertThat(entry.getJsonNumber("position").longValue()).isEqualTo(++position);
                assertThat(entry.getString("previousHash")).isEqualTo(previous);
                assertThat(codes.add(entry.getString("confirmationCode"))).isTrue();
                previous = entry.getString("hash");
            }
        }
        assertThat(position).isEqualTo(expected);
        assertThat(Session.anonymous().get(election.path("")).json().getString("boardHead")).isEqualTo(previous);
        return codes;
    }

    private static int countedFor(ElectionDriver election, String credential) {
        election.moveOk("CLOSED");
        election.moveOk("TALLYING");
        try {
            election.awaitTally(true);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        election.moveOk("DECRYPTED");
        election.moveOk("PUBLISHED");
        var counted = Session.anonymous().get(election.path("/record/madang/counted.json")).json().getJsonArray("counted");
        return (int) counted.getValuesAs(jakarta.json.JsonObject.class).stream().filter(c -> c.getString("credential").equals(credential)).count();
    }
}
