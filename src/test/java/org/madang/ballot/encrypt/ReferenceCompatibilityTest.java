package org.madang.ballot.encrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.decrypt.Decryptor;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Groups;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.record.ElectionRecordWriter;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.tally.TallyAccumulator;
import org.madang.ballot.verify.ProgressListener;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;

/**
 * Cross-checks with egk-ec's reference records: our encryption of its plaintext ballots under its
 * election key verifies, and our threshold decryption with its trustees' secrets recovers its
 * plaintext ballots.
 */
class ReferenceCompatibilityTest {

    private record Reference(ElectionRecordReader reader, Group group, Manifest manifest, ElectionConfig config,
                             ElectionInitialized init, ElectionKey key, List<DecryptingTrustee> trustees,
                             Map<String, PlaintextBallot> plaintexts) {
    }

    private static Reference load(Path dir) throws Exception {
        ElectionRecordReader reader = new ElectionRecordReader(dir);
        Group group = Groups.fromConstants(reader.constants());
        ElectionInitialized init = reader.initialized(group);
        ElectionKey key = new ElectionKey(group, init.jointPublicKey(), init.extendedBaseHash());
        List<DecryptingTrustee> trustees = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("private_data/trustees"))) {
            for (Path f : files.sorted().toList()) {
                trustees.add(DecryptingTrustee.fromSecretJson(group, ReferenceRecords.read(f), f.toString()));
            }
        }
        Map<String, PlaintextBallot> plaintexts = new HashMap<>();
        try (Stream<Path> files = Files.list(dir.resolve("private_data/input"))) {
            for (Path f : files.sorted().toList()) {
                PlaintextBallot b = PlaintextBallot.fromJson(ReferenceRecords.read(f), f.toString());
                plaintexts.put(b.ballotId(), b);
            }
        }
        return new Reference(reader, group, reader.manifest(), reader.config(), init, key, trustees, plaintexts);
    }

    @Test
    void ourEncryptionOfReferenceBallotsUnderTheReferenceKeyVerifies(@TempDir Path out) throws Exception {
        Reference ref = load(ReferenceRecords.ellipticCurve());
        long seed = System.nanoTime();
        System.out.println("ReferenceCompatibilityTest nonce seed = " + seed);
        Random random = new Random(seed);
        ElectionRecordWriter writer = new ElectionRecordWriter(out);
        for (String f : List.of("constants.json", "manifest.json", "election_config.json", "election_initialized.json")) {
            Files.copy(ref.reader().root().resolve(f), out.resolve(f));
        }
        BallotEncryptor encryptor = new BallotEncryptor(ref.key(), ref.manifest());
        TallyAccumulator tally = new TallyAccumulator(ref.group(), ref.manifest(), ref.key().extendedBaseHash());
        List<PlaintextBallot> cast = new ArrayList<>();
        for (PlaintextBallot p : ref.plaintexts().values()) {
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            EncryptedBallot e = encryptor.encrypt(p, HashValue.of(nonce), "madangDevice", 1_780_000_000L,
                    ref.config().baux0(), BallotState.CAST);
            writer.writeEncryptedBallot(e);
            tally.add(e);
            cast.add(p);
        }
        var encryptedTally = tally.result("madang-tally");
        writer.writeEncryptedTally(encryptedTally);
        Decryptor decryptor = new Decryptor(ref.key(), ref.init(), ref.config().quorum(), ref.trustees());
        DecryptedTallyOrBallot decrypted = decryptor.decryptTally(encryptedTally, new DiscreteLog(ref.key().publicKey(), 1000),
                tally.ballotsPerContest());
        writer.writeTally(decrypted);

        VerificationReport report = new RecordVerifier(2, ProgressListener.NONE).verify(out);
        report.steps().forEach(s -> assertThat(s.problems()).as(s.step().toString()).isEmpty());
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);

        Map<String, Integer> expected = DemoElection.expectedTally(ref.manifest(), cast);
        decrypted.contests().forEach(c -> c.selections().forEach(s ->
                assertThat(s.tally()).as(c.contestId() + "/" + s.selectionId()).isEqualTo(expected.get(c.contestId() + "/" + s.selectionId()))));
    }

    @Test
    void referenceTrusteesDecryptReferenceBallotsToTheReferencePlaintextsP256() throws Exception {
        decryptReferenceBallots(load(ReferenceRecords.ellipticCurve()), Integer.MAX_VALUE);
    }

    @Test
    void referenceTrusteesDecryptReferenceBallotsToTheReferencePlaintexts4096() throws Exception {
        decryptReferenceBallots(load(ReferenceRecords.integerGroup()), 2); // 4096-bit decryption is slow: a sample
    }

    private static void decryptReferenceBallots(Reference ref, int limit) throws Exception {
        Decryptor decryptor = new Decryptor(ref.key(), ref.init(), ref.config().quorum(), ref.trustees());
        DiscreteLog dlog = new DiscreteLog(ref.key().publicKey(), 10);
        int checked = 0;
        for (Path f : ref.reader().encryptedBallotFiles()) {
            if (checked++ >= limit) {
                break;
            }
            EncryptedBallot e = ref.reader().encryptedBallot(ref.group(), f);
            PlaintextBallot p = ref.plaintexts().get(e.ballotId());
            assertThat(p).as("plaintext of " + e.ballotId()).isNotNull();
            DecryptedTallyOrBallot d = decryptor.decryptBallot(e, dlog);
            Map<String, Integer> expected = DemoElection.expectedTally(ref.manifest(), List.of(p));
            for (DecryptedTallyOrBallot.Contest c : d.contests()) {
                for (DecryptedTallyOrBallot.Selection s : c.selections()) {
                    assertThat(s.tally()).as(e.ballotId() + "/" + c.contestId() + "/" + s.selectionId())
                            .isEqualTo(expected.get(c.contestId() + "/" + s.selectionId()));
                    assertThat(s.proof().verify(ref.key(), s.ciphertext(), s.bOverM())).isTrue();
                }
                assertThat(c.contestData().proof().verify(ref.key(), c.contestData().ciphertext(), c.contestData().beta())).isTrue();
            }
        }
        assertThat(checked).isPositive();
    }
}
