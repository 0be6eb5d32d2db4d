package org.madang.ballot.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.encrypt.BallotOpening;
import org.madang.ballot.group.IntegerGroup;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;

/**
 * The whole election: key ceremony with 5 guardians (quorum 3), random ballots on two devices,
 * some challenged, tally decrypted by only 3 guardians, record written and verified; the
 * decrypted tally must equal the sum of the plaintexts.
 */
class ElectionWorkflowTest {

    @Test
    void p256ElectionWith200BallotsAndTwoMissingGuardians(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("ElectionWorkflowTest P-256 seed = " + seed + " (replay with -Dseed=" + seed + ")");
        runAndCheck(new DemoElection.Settings(P256Group.instance(), "workflow-p256", 5, 3, 200, 12, Set.of(2, 4), true,
                List.of("device-a", "device-b"), seed, 2), dir);
    }

    @Test
    void integerGroupElectionWithFewBallots(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("ElectionWorkflowTest 4096-bit seed = " + seed + " (replay with -Dseed=" + seed + ")");
        runAndCheck(new DemoElection.Settings(IntegerGroup.instance(), "workflow-4096", 5, 3, 6, 2, Set.of(1, 5), false,
                List.of("device-a"), seed, 1), dir);
    }

    private static void runAndCheck(DemoElection.Settings settings, Path dir) throws Exception {
        DemoElection.Outcome outcome = DemoElection.run(settings, dir);
        VerificationReport report = new RecordVerifier(2, org.madang.ballot.verify.ProgressListener.NONE).verify(dir);
        assertThat(report.unreadable()).isEmpty();
        report.steps().forEach(s -> assertThat(s.problems()).as(s.step().toString()).isEmpty());
        assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);

        Map<String, Integer> expected = DemoElection.expectedTally(outcome.encryptor().manifest(), outcome.cast());
        Map<String, Integer> decrypted = new HashMap<>();
        for (DecryptedTallyOrBallot.Contest c : outcome.tally().contests()) {
            c.selections().forEach(s -> decrypted.put(c.contestId() + "/" + s.selectionId(), s.tally()));
        }
        assertThat(decrypted).isEqualTo(expected);
        assertThat(report.challengedBallots()).isEqualTo(settings.challenged());

        // challenged ballots: the guardians' decryption agrees with the opening by the ballot's nonce
        ElectionRecordReader reader = new ElectionRecordReader(dir);
        for (Path file : reader.challengedBallotFiles()) {
            DecryptedTallyOrBallot opened = reader.challengedBallot(settings.group(), file);
            EncryptedBallot encrypted = reader.encryptedBallotFiles().stream()
                    .map(f -> read(reader, settings, f)).filter(b -> b.ballotId().equals(opened.id())).findFirst().orElseThrow();
            var byNonce = BallotOpening.open(outcome.encryptor(), encrypted, outcome.nonces().get(opened.id())).orElseThrow();
            for (DecryptedTallyOrBallot.Contest c : opened.contests()) {
                var plain = byNonce.contest(c.contestId()).orElseThrow();
                c.selections().forEach(s -> assertThat(s.tally()).isEqualTo(plain.votesFor(s.selectionId())));
            }
        }
    }

    private static EncryptedBallot read(ElectionRecordReader reader, DemoElection.Settings s, Path f) {
        try {
            return reader.encryptedBallot(s.group(), f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
