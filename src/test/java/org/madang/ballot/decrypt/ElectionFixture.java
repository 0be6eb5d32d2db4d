package org.madang.ballot.decrypt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.demo.DemoManifest;
import org.madang.ballot.encrypt.BallotEncryptor;
import org.madang.ballot.encrypt.PlaintextBallot;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.ElectionRecordWriter;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.tally.TallyAccumulator;
import org.madang.ballot.verify.ProgressListener;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;

/**
 * A record up to the encrypted tally for a given key ceremony outcome: constants, manifest, config,
 * election_initialized, a few ballots (some challenged) and the encrypted tally, written to
 * {@code dir}. What a server holds when decryption starts; tests add the decryption and verify.
 */
public record ElectionFixture(Path dir, Group group, ElectionConfig config, ElectionInitialized init, ElectionKey key,
                              Manifest manifest, EncryptedTally tally, List<EncryptedBallot> challenged,
                              Map<String, Integer> ballotCounts, List<PlaintextBallot> cast) {

    public static byte[] manifestBytes(String name) {
        return DemoManifest.bytes(name);
    }

    public static ElectionConfig config(Group group, String name, int guardians, int quorum) {
        return DemoElection.config(group, manifestBytes(name), guardians, quorum, false);
    }

    public static ElectionFixture encryptAndTally(Path dir, Group group, String name, ElectionConfig config,
                                                  ElectionInitialized init, int ballots, int challenged, long seed) throws Exception {
        byte[] manifestBytes = manifestBytes(name);
        Manifest manifest = RecordJson.readManifest(manifestBytes, JsonReader.parse(manifestBytes, JsonReader.Limits.RECORD),
                "manifest.json");
        ElectionKey key = new ElectionKey(group, init.jointPublicKey(), init.extendedBaseHash());
        ElectionRecordWriter writer = new ElectionRecordWriter(dir);
        writer.writeConstants(group.constants());
        writer.writeManifest(manifestBytes);
        writer.writeConfig(config);
        writer.writeInitialized(init);
        BallotEncryptor encryptor = new BallotEncryptor(key, manifest);
        TallyAccumulator accumulator = new TallyAccumulator(group, manifest, key.extendedBaseHash());
        Random random = new Random(seed);
        List<EncryptedBallot> opened = new ArrayList<>();
        List<PlaintextBallot> cast = new ArrayList<>();
        for (int i = 0; i < ballots; i++) {
            PlaintextBallot p = ballot("ballot-" + (i + 1), random);
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            boolean challenge = i < challenged;
            EncryptedBallot e = encryptor.encrypt(p, HashValue.of(nonce), "device-1", 1_780_000_000L + i,
                    config.baux0(), challenge ? BallotState.CHALLENGED : BallotState.CAST);
            writer.writeEncryptedBallot(e);
            if (challenge) {
                opened.add(e);
            } else {
                accumulator.add(e);
                cast.add(p);
            }
        }
        EncryptedTally tally = accumulator.result("tally-" + name);
        writer.writeEncryptedTally(tally);
        return new ElectionFixture(dir, group, config, init, key, manifest, tally, opened, accumulator.ballotsPerContest(), cast);
    }

    /** One mark per contest, on an option chosen by {@code random}. */
    private static PlaintextBallot ballot(String id, Random random) {
        List<PlaintextBallot.Contest> contests = new ArrayList<>();
        for (DemoManifest.ContestSpec c : DemoManifest.CONTESTS) {
            String option = c.options().get(random.nextInt(c.options().size()));
            contests.add(new PlaintextBallot.Contest(c.id(), Map.of(option, 1), List.of()));
        }
        return new PlaintextBallot(id, "style-all", contests);
    }

    public DecryptionBatch batch() {
        return DecryptionBatch.of(key, tally, challenged);
    }

    /** Writes tally.json and the challenged ballots from a batch's results, then runs the auditors' verifier. */
    public VerificationReport writeDecryptionAndVerify(List<Decryptor.Decryption> results) {
        DecryptionBatch batch = batch();
        DiscreteLog dlog = new DiscreteLog(key.publicKey(), 100);
        ElectionRecordWriter writer = new ElectionRecordWriter(dir);
        writer.writeTally(batch.tally(results, dlog, ballotCounts));
        for (DecryptedTallyOrBallot b : batch.challengedBallots(results, dlog)) {
            writer.writeChallengedBallot(b);
        }
        return new RecordVerifier(1, ProgressListener.NONE).verify(dir);
    }

    /** The decrypted counts must be the sums of the cast plaintexts. */
    public Map<String, Integer> expectedTally() {
        return DemoElection.expectedTally(manifest, cast);
    }

    public static Map<String, Integer> counts(DecryptedTallyOrBallot tally) {
        Map<String, Integer> out = new java.util.HashMap<>();
        tally.contests().forEach(c -> c.selections().forEach(s -> out.put(c.contestId() + "/" + s.selectionId(), s.tally())));
        return out;
    }
}
