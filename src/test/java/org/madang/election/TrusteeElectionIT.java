package org.madang.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;
import org.madang.verifier.trustee.TrusteeCommand;

/**
 * A whole election with real trustees: three trustee commands run the key ceremony through the server, 50 voters cast
 * (some challenge first, some vote again), and only two of the three trustees decrypt. The downloaded record must
 * pass the verifier and the published result must equal what the voters meant.
 */
class TrusteeElectionIT {

    private static final long SEED = Long.getLong("madang.seed", System.nanoTime());

    @Test
    void electionWithThreeTrusteesOneAbsentMatchesTheVotersIntent() throws Exception {
        System.out.println("TrusteeElectionIT seed " + SEED + " (replay with -Dmadang.seed=" + SEED + ")");
        Random random = new Random(SEED);
        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), false, 3, 2);
        List<People.Person> trustees = List.of(People.citizen(), People.citizen(), People.citizen());
        var assigned = election.admin.put(election.path("/trustees"), "{\"trustees\":[" + String.join(",",
                trustees.stream().map(t -> "{\"email\":\"" + t.email() + "\"}").toList()) + "]}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

        List<ElectionDriver.Voter> voters = new ArrayList<>();
        for (int i = 0; i < 50; i++) voters.add(election.new Voter(People.citizen()));
        election.importRoll(voters.stream().map(v -> v.person).toList(), "seoul");
        election.moveOk("KEY_CEREMONY");

        Path states = Files.createTempDirectory("trustees");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) runs.add(pool.submit(trustee("ceremony", trustees.get(i), election, states.resolve("t" + i + ".json"))));
            for (Future<String> run : runs) assertThat(run.get()).startsWith("exit 0");
            assertThat(election.move("READY").status()).isEqualTo(200);

            voters.forEach(ElectionDriver.Voter::register);
            election.moveOk("OPEN");

            Map<String, Integer> intent = new HashMap<>();
            for (int i = 0; i < voters.size(); i++) {
                var voter = voters.get(i);
                if (i % 10 == 0) { // a challenge first: never counted
                    var challenged = voter.encrypt("style-seoul", choice(random), BallotState.CHALLENGED);
                    assertThat(voter.cast(challenged).status()).isEqualTo(201);
                }
                if (i % 7 == 0) { // a first vote that a later one replaces
                    assertThat(voter.cast(voter.encrypt("style-seoul", choice(random), BallotState.CAST)).status()).isEqualTo(201);
                }
                var last = choice(random);
                var reply = voter.cast(voter.encrypt("style-seoul", last, BallotState.CAST));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                last.forEach((contest, votes) -> votes.forEach((option, n) -> intent.merge(contest + "/" + option, n, Integer::sum)));
            }
            election.moveOk("CLOSED");
            election.moveOk("TALLYING");
            election.awaitTally(false);

            // trustees 1 and 3 take part; trustee 2 is absent
            List<Future<String>> decrypting = List.of(
                    pool.submit(trustee("decrypt", trustees.get(0), election, states.resolve("t0.json"))),
                    pool.submit(trustee("decrypt", trustees.get(2), election, states.resolve("t2.json"))));
            awaitPresent(election, 2);
            assertThat(election.admin.post(election.path("/decryption/start"), "{}").status()).isEqualTo(204);
            for (Future<String> run : decrypting) assertThat(run.get()).startsWith("exit 0");
            election.awaitTally(true);
            election.moveOk("DECRYPTED");
            election.moveOk("PUBLISHED");

            var results = Session.anonymous().get(election.path("/results")).json();
            for (var contest : results.getJsonArray("contests").getValuesAs(jakarta.json.JsonObject.class)) {
                for (var option : contest.getJsonArray("options").getValuesAs(jakarta.json.JsonObject.class)) {
                    assertThat(option.getInt("votes")).as(contest.getString("id") + "/" + option.getString("id"))
                            .isEqualTo(intent.getOrDefault(contest.getString("id") + "/" + option.getString("id"), 0));
                }
            }
            assertThat(results.getJsonObject("turnout").getInt("counted")).isEqualTo(50);
            VerificationReport report = new RecordVerifier().verify(election.downloadRecord());
            assertThat(report.status()).as(report.toString()).isEqualTo(VerificationReport.Status.VERIFIED);
            assertThat(report.challengedBallots()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Map<String, Integer>> choice(Random random) {
        String[] mayors = {"kim", "lee", "park"};
        return Map.of("referendum", Map.of(random.nextBoolean() ? "yes" : "no", 1), "mayor", Map.of(mayors[random.nextInt(3)], 1));
    }

    private static Callable<String> trustee(String phase, People.Person person, ElectionDriver election, Path state) {
        return () -> {
            var out = new ByteArrayOutputStream();
            int code = TrusteeCommand.run(new String[] {phase, "--server", MadangServer.get().baseUrl(), "--election", election.id.toString(),
                    "--email", person.email(), "--state", state.toString(), "--poll-seconds", "1", "--wait-seconds", "300"},
                    new PrintStream(out, true), new PrintStream(out, true), Map.of("MADANG_TRUSTEE_PASSWORD", person.password()));
            return "exit " + code + "\n" + out;
        };
    }

    private static void awaitPresent(ElectionDriver election, int n) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var d = election.admin.get(election.path("/decryption")).json();
            if (d.getJsonArray("available").size() >= n) return;
            Thread.sleep(200);
        }
        throw new AssertionError("trustees did not report present");
    }
}
