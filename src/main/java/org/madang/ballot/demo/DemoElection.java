package org.madang.ballot.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.decrypt.Decryptor;
import org.madang.ballot.encrypt.BallotEncryptor;
import org.madang.ballot.encrypt.EncryptionDevice;
import org.madang.ballot.encrypt.PlaintextBallot;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.keyceremony.KeyCeremony;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionRecordWriter;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.tally.TallyAccumulator;

/**
 * A whole election in one process, for tests, samples and benchmarks: key ceremony, random
 * ballots on several devices (some challenged), tally, decryption by only some guardians, and the
 * record written in egk-ec's layout. Voters' choices and ballot nonces come from {@code seed};
 * guardian secrets always come from a SecureRandom.
 */
public final class DemoElection {

    /** @param missingGuardians x-coordinates of guardians absent at decryption */
    public record Settings(Group group, String name, int guardians, int quorum, int ballots, int challenged,
                           Set<Integer> missingGuardians, boolean chained, List<String> devices, long seed, int threads) {
    }

    /** What the run produced; plaintexts and nonces are private data, never written to the record. */
    public record Outcome(Path record, ElectionConfig config, List<DecryptingTrustee> trustees, List<PlaintextBallot> cast,
                          Map<String, PlaintextBallot> challenged, Map<String, HashValue> nonces,
                          DecryptedTallyOrBallot tally, BallotEncryptor encryptor) {
    }

    private DemoElection() {
    }

    public static ElectionConfig config(Group group, byte[] manifestBytes, int guardians, int quorum, boolean chained) {
        HashValue hp = ElectionHashes.parameterBaseHash(group.constants());
        HashValue hm = ElectionHashes.manifestHash(hp, manifestBytes);
        HashValue hb = ElectionHashes.electionBaseHash(hp, hm, guardians, quorum);
        return new ElectionConfig("2.1.0", guardians, quorum, hp, hm, hb, chained, new byte[0], Map.of("Created by", "Madang"));
    }

    public static Outcome run(Settings s, Path dir) throws Exception {
        Group group = s.group();
        byte[] manifestBytes = DemoManifest.bytes(s.name());
        Manifest manifest = RecordJson.readManifest(manifestBytes,
                org.madang.ballot.json.JsonReader.parse(manifestBytes, org.madang.ballot.json.JsonReader.Limits.RECORD), "manifest.json");
        ElectionConfig config = config(group, manifestBytes, s.guardians(), s.quorum(), s.chained());
        KeyCeremony.Result ceremony = KeyCeremony.run(group, config, new SecureRandom());
        ElectionKey key = new ElectionKey(group, ceremony.initialized().jointPublicKey(), ceremony.initialized().extendedBaseHash());

        ElectionRecordWriter writer = new ElectionRecordWriter(dir);
        writer.writeConstants(group.constants());
        writer.writeManifest(manifestBytes);
        writer.writeConfig(config);
        writer.writeInitialized(ceremony.initialized());

        Random choices = new Random(s.seed());
        List<PlaintextBallot> plaintexts = new ArrayList<>();
        Map<String, HashValue> nonces = new LinkedHashMap<>();
        Set<String> challengedIds = new java.util.HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.ballots(); i++) {
            // named after the election, so that sample records cannot be mistaken for another implementation's files
            PlaintextBallot b = randomBallot(s.name() + "-ballot-" + (i + 1), choices);
            plaintexts.add(b);
            byte[] nonce = new byte[32];
            choices.nextBytes(nonce);
            nonces.put(b.ballotId(), HashValue.of(nonce));
            order.add(i);
        }
        Collections.shuffle(order, choices);
        for (int i = 0; i < s.challenged(); i++) {
            challengedIds.add(plaintexts.get(order.get(i)).ballotId());
        }

        BallotEncryptor encryptor = new BallotEncryptor(key, manifest);
        TallyAccumulator accumulator = new TallyAccumulator(group, manifest, key.extendedBaseHash());
        Map<String, EncryptedBallot> challengedBallots = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(s.threads(), s.devices().size())));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int d = 0; d < s.devices().size(); d++) {
                int deviceIndex = d;
                EncryptionDevice device = new EncryptionDevice(encryptor, s.devices().get(d), config);
                work.add(pool.submit(() -> {
                    for (int i = deviceIndex; i < plaintexts.size(); i += s.devices().size()) {
                        PlaintextBallot p = plaintexts.get(i);
                        boolean challenge = challengedIds.contains(p.ballotId());
                        EncryptedBallot e = device.encrypt(p, nonces.get(p.ballotId()), 1_780_000_000L + i,
                                challenge ? BallotState.CHALLENGED : BallotState.CAST);
                        writer.writeEncryptedBallot(e);
                        if (challenge) {
                            challengedBallots.put(e.ballotId(), e);
                        } else {
                            accumulator.add(e);
                        }
                    }
                    device.close().ifPresent(writer::writeBallotChain);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        EncryptedTally encryptedTally = accumulator.result("tally-" + s.name());
        writer.writeEncryptedTally(encryptedTally);
        List<DecryptingTrustee> present = ceremony.trustees().stream()
                .filter(t -> !s.missingGuardians().contains(t.xCoordinate())).toList();
        Decryptor decryptor = new Decryptor(key, ceremony.initialized(), s.quorum(), present);
        DiscreteLog dlog = new DiscreteLog(key.publicKey(), Math.max(1000, s.ballots() * 3));
        DecryptedTallyOrBallot tally = decryptor.decryptTally(encryptedTally, dlog, accumulator.ballotsPerContest());
        writer.writeTally(tally);
        for (EncryptedBallot e : challengedBallots.values()) {
            writer.writeChallengedBallot(decryptor.decryptBallot(e, dlog));
        }

        List<PlaintextBallot> cast = new ArrayList<>();
        Map<String, PlaintextBallot> challenged = new HashMap<>();
        for (PlaintextBallot p : plaintexts) {
            if (challengedIds.contains(p.ballotId())) {
                challenged.put(p.ballotId(), p);
            } else {
                cast.add(p);
            }
        }
        return new Outcome(dir, config, ceremony.trustees(), cast, challenged, nonces, tally, encryptor);
    }

    /** A valid ballot, now and then blank in a contest, with a rare over-vote or write-in for realism. */
    static PlaintextBallot randomBallot(String id, Random r) {
        String style = r.nextInt(4) == 0 ? "style-nation" : "style-all";
        List<String> units = DemoManifest.STYLES.get(style);
        List<PlaintextBallot.Contest> contests = new ArrayList<>();
        for (DemoManifest.ContestSpec c : DemoManifest.CONTESTS) {
            if (!units.contains(c.district())) {
                continue;
            }
            Map<String, Integer> votes = new LinkedHashMap<>();
            List<String> writeIns = new ArrayList<>();
            int roll = r.nextInt(100);
            if (roll < 5) {
                // blank
            } else if (roll < 7 && c.options().size() > c.limit()) {
                // over-vote: one more mark than allowed; encrypted as all zeros
                List<String> shuffled = new ArrayList<>(c.options());
                Collections.shuffle(shuffled, r);
                shuffled.subList(0, c.limit() + 1).forEach(o -> votes.put(o, 1));
            } else if (roll < 9 && c.limit() == 1 && c.options().size() > 2) {
                writeIns.add("write-in " + r.nextInt(1000));
            } else {
                int marks = c.limit() == 1 ? 1 : 1 + r.nextInt(c.limit());
                List<String> shuffled = new ArrayList<>(c.options());
                Collections.shuffle(shuffled, r);
                shuffled.subList(0, marks).forEach(o -> votes.put(o, 1));
            }
            contests.add(new PlaintextBallot.Contest(c.id(), votes, writeIns));
        }
        return new PlaintextBallot(id, style, contests);
    }

    /** The tally the plaintexts imply: over-voted contests count nothing (spec 2.1.0 section 3.3.3). */
    public static Map<String, Integer> expectedTally(Manifest manifest, List<PlaintextBallot> cast) {
        Map<String, Integer> totals = new HashMap<>();
        manifest.contests().forEach(c -> c.selections().forEach(s -> totals.put(c.contestId() + "/" + s.selectionId(), 0)));
        Map<String, Manifest.Contest> specs = manifest.contestsById();
        for (PlaintextBallot b : cast) {
            for (PlaintextBallot.Contest c : b.contests()) {
                Manifest.Contest spec = specs.get(c.contestId());
                int sum = c.votes().values().stream().mapToInt(Integer::intValue).sum();
                boolean over = sum + c.writeIns().size() > spec.contestLimit()
                        || c.votes().values().stream().anyMatch(v -> v > spec.optionLimit());
                if (!over) {
                    c.votes().forEach((o, v) -> totals.merge(c.contestId() + "/" + o, v, Integer::sum));
                }
            }
        }
        return totals;
    }
}
