package org.madang.verifier.trustee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madang.ballot.decrypt.ElectionFixture;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.keyceremony.CeremonyRelay;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.verify.VerificationReport;
import org.madang.verifier.VerifierCommand;

/**
 * Three trustee commands, each in its own thread as on three machines, through a key ceremony and
 * a decryption relayed by {@link FakeRelay} (which checks with the real CeremonyRelay and
 * DecryptionCoordinator); the record made from the outcome must verify.
 */
class TrusteeCommandTest {

    private static final Group GROUP = P256Group.instance();
    private static final List<String> EMAILS = List.of("kim@trustee.example", "lee@trustee.example", "park@trustee.example");
    private static final Map<String, String> ENV = Map.of(TrusteeCommand.PASSWORD_ENV, FakeRelay.PASSWORD);

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TrusteeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] args(String action, FakeRelay relay, int guardian, Path dir) {
        return new String[] {action, "--server", relay.url(), "--election", FakeRelay.ELECTION, "--email",
                EMAILS.get(guardian - 1), "--state", dir.resolve("trustee-" + guardian + ".json").toString(),
                "--poll-seconds", "0.02", "--wait-seconds", "300"};
    }

    /** Runs the command for guardians 1..3 at once and returns their outcomes in guardian order. */
    private static List<Outcome> allAtOnce(String action, FakeRelay relay, Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int g = 1; g <= 3; g++) {
                String[] a = args(action, relay, g, dir);
                running.add(pool.submit(() -> run(a)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : running) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threeTrusteesRunTheCeremonyAndTheDecryptionAndTheRecordVerifies(@TempDir Path dir) throws Exception {
        ElectionConfig config = ElectionFixture.config(GROUP, "trustee-command", 3, 2);
        try (FakeRelay relay = new FakeRelay(GROUP, config, EMAILS)) {
            List<Outcome> ceremony = allAtOnce("ceremony", relay, dir);
            for (Outcome o : ceremony) {
                assertThat(o.status()).as(o.err()).isZero();
                assertThat(o.out()).contains("key ceremony complete");
            }
            assertThat(relay.confirmed).containsExactlyInAnyOrder("guardian1", "guardian2", "guardian3");
            ElectionInitialized init = CeremonyRelay.initialized(config, relay.announcements());
            String jointHex = HexFormat.of().formatHex(init.jointPublicKey().encode());
            for (int g = 1; g <= 3; g++) {
                Path state = dir.resolve("trustee-" + g + ".json");
                String text = Files.readString(state);
                assertThat(text).contains("SECRET", "\"key_share\"", jointHex).doesNotContain("polynomial_coefficients");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
            }
            // running it again is harmless: it confirms the same key and stops
            assertThat(run(args("ceremony", relay, 2, dir)).out()).contains("already complete");

            ElectionFixture fixture = ElectionFixture.encryptAndTally(dir.resolve("record"), GROUP, "trustee-command", config,
                    init, 8, 2, 7);
            relay.prepareDecryption(fixture.key(), init, fixture.batch(), 3);
            List<Outcome> decryption = allAtOnce("decrypt", relay, dir);
            for (Outcome o : decryption) {
                assertThat(o.status()).as(o.err()).isZero();
                assertThat(o.out()).contains("decryption complete");
                assertThat(o.err()).doesNotContain("key_share", "nonces");
            }
            assertThat(relay.coordinator.complete()).isTrue();
            VerificationReport report = fixture.writeDecryptionAndVerify(relay.coordinator.result());
            report.steps().forEach(s -> assertThat(s.problems()).as(s.step().toString()).isEmpty());
            assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
            assertThat(report.challengedBallots()).isEqualTo(2);
            for (int g = 1; g <= 3; g++) {
                assertThat(Files.readString(dir.resolve("trustee-" + g + ".json"))).doesNotContain("\"nonces\"");
            }
        }
    }

    @Test
    void aTrusteeGivenABadShareComplainsAndFails(@TempDir Path dir) throws Exception {
        ElectionConfig config = ElectionFixture.config(GROUP, "trustee-complaint", 3, 2);
        try (FakeRelay relay = new FakeRelay(GROUP, config, EMAILS)) {
            relay.corruptSharesTo = "guardian3"; // the relay flips a bit of each share to guardian3 in transit
            List<Outcome> ceremony = allAtOnce("ceremony", relay, dir);
            assertThat(ceremony.get(2).status()).isEqualTo(TrusteeCommand.FAILED);
            assertThat(ceremony.get(2).err()).contains("complaint filed against guardian").contains("does not verify");
            assertThat(relay.complaints).hasSize(1).allMatch(c -> c.startsWith("guardian3 against guardian"));
            assertThat(relay.confirmed).doesNotContain("guardian3");
        }
    }

    @Test
    void wrongUsageAndServerRefusalsAreOneLineErrors(@TempDir Path dir) throws Exception {
        Outcome help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("trustee ceremony|decrypt|status");
        assertThat(run("ceremony", "--election", "x").status()).isEqualTo(TrusteeCommand.USAGE);
        assertThat(run("vote", "--server", "http://127.0.0.1:1", "--election", "e", "--email", "a@b").err())
                .contains("unknown command vote");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VerifierCommand.run(new String[] {"trustee", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--state FILE");

        ElectionConfig config = ElectionFixture.config(GROUP, "trustee-refusal", 3, 2);
        try (FakeRelay relay = new FakeRelay(GROUP, config, EMAILS)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = TrusteeCommand.run(args("status", relay, 1, dir), System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of(TrusteeCommand.PASSWORD_ENV, "wrong password"));
            assertThat(status).isEqualTo(TrusteeCommand.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).contains("HTTP 401 unauthorized: wrong e-mail or password")
                    .doesNotContain("\n").doesNotContain("wrong password\"");

            Outcome decryptTooEarly = run(args("decrypt", relay, 1, dir));
            assertThat(decryptTooEarly.status()).isEqualTo(TrusteeCommand.FAILED);
            assertThat(decryptTooEarly.err()).contains("run 'trustee ceremony' first");
        }
    }
}
