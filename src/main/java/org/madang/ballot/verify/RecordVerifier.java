package org.madang.ballot.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.madang.ballot.crypto.ConfirmationCodes;
import org.madang.ballot.crypto.CiphertextSums;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.crypto.HashedElGamalCiphertext;
import org.madang.ballot.group.ElectionConstants;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Groups;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotChain;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;
import org.madang.ballot.record.Guardian;
import org.madang.ballot.record.MadangRecordJson;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordFormatException;

/**
 * Runs every verification step of ElectionGuard 2.1.0 over a record directory. Ballots and
 * challenged ballots are read and checked in parallel; nothing but the record is trusted.
 */
public final class RecordVerifier {

    private final int threads;
    private final ProgressListener progress;

    public RecordVerifier(int threads, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.progress = progress;
    }

    public RecordVerifier() {
        this(Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    public VerificationReport verify(Path recordDirectory) {
        return new Run(new ElectionRecordReader(recordDirectory)).run();
    }

    /** State of one verification run. */
    private final class Run {
        private final ElectionRecordReader reader;
        private final Map<VerificationStep, Problems> problems = new EnumMap<>(VerificationStep.class);
        private final Map<VerificationStep, Integer> checked = new EnumMap<>(VerificationStep.class);
        private final Set<VerificationStep> notRun = new HashSet<>();
        private final List<String> unreadable = new ArrayList<>();
        private String groupName = "unknown";
        private int ballotCount;
        private int challengedCount;

        Run(ElectionRecordReader reader) {
            this.reader = reader;
            for (VerificationStep s : VerificationStep.values()) {
                problems.put(s, new Problems());
                checked.put(s, 0);
            }
        }

        private void fail(VerificationStep step, String objectId, String check, String message) {
            problems.get(step).add(step, objectId, check, message);
        }

        private void count(VerificationStep step, int n) {
            checked.merge(step, n, Integer::sum);
        }

        private void skip(VerificationStep... steps) {
            notRun.addAll(Arrays.asList(steps));
        }

        VerificationReport run() {
            try {
                runSteps();
            } catch (RecordFormatException e) {
                unreadable.add(e.getMessage());
            }
            // Madang's steps have nothing to check in a record without madang/ (egk-ec's): they are reported as not
            // applicable and leave the status to the spec's steps, exactly as before the steps existed.
            boolean madang = reader.hasMadangExtensions();
            List<StepResult> results = new ArrayList<>();
            for (VerificationStep s : VerificationStep.values()) {
                results.add(s.madangExtension() && !madang ? StepResult.notApplicable(s)
                        : new StepResult(s, !notRun.contains(s), checked.get(s), problems.get(s).list()));
            }
            return new VerificationReport(reader.root().toString(), groupName, ballotCount, challengedCount, results, unreadable);
        }

        private void runSteps() throws RecordFormatException {
            VerificationStep[] afterParameters = Arrays.copyOfRange(VerificationStep.values(), 1, VerificationStep.values().length);
            ElectionConstants constants = reader.constants();
            Manifest manifest = reader.manifest();
            ElectionConfig config = reader.config();
            Group group;
            try {
                group = Groups.fromConstants(constants);
                groupName = group.name();
            } catch (Groups.UnsupportedGroupException e) {
                fail(VerificationStep.PARAMETERS, ElectionRecordReader.CONSTANTS, "1.B", e.getMessage());
                skip(afterParameters);
                return;
            }
            verifyParameters(constants, manifest, config);

            ElectionInitialized init = reader.initialized(group);
            verifyGuardians(group, config, init);
            verifyJointKey(group, init);
            HashValue he = ElectionHashes.extendedBaseHash(config.electionBaseHash(), init.jointPublicKey());
            count(VerificationStep.EXTENDED_BASE_HASH, 1);
            if (!he.equals(init.extendedBaseHash())) {
                fail(VerificationStep.EXTENDED_BASE_HASH, ElectionRecordReader.INITIALIZED, "4.A",
                        "extended_base_hash does not equal H(H_B; 0x12, K)");
            }
            // Everything after is bound to H_E as recomputed, never to the value the record claims.
            ElectionKey key = new ElectionKey(group, init.jointPublicKey(), he);

            EncryptedTally encryptedTally = reader.encryptedTally(group);
            DecryptedTallyOrBallot tally = reader.tally(group);
            List<Path> challengedFiles = reader.challengedBallotFiles();
            boolean madang = reader.hasMadangExtensions();
            List<Path> supersededFiles = madang ? reader.supersededBallotFiles() : List.of();
            BallotPass ballots = verifyBallots(key, manifest, config, challengedFiles.size() + supersededFiles.size());
            verifyAggregation(group, he, manifest, encryptedTally, ballots);
            verifyTally(key, manifest, encryptedTally, tally, ballots);
            verifyChallenged(key, manifest, challengedFiles, ballots);
            if (madang) {
                verifyMadangExtensions(key, manifest, supersededFiles, ballots);
            }
            progress.finished();
        }

        // ---- 1
        private void verifyParameters(ElectionConstants constants, Manifest manifest, ElectionConfig config) {
            VerificationStep s = VerificationStep.PARAMETERS;
            count(s, 1);
            if (!constants.protocolVersion().equals("v2.0.0") && !constants.protocolVersion().equals("v2.1.0")) {
                fail(s, ElectionRecordReader.CONSTANTS, "1.A", "unknown protocol version '" + constants.protocolVersion() + "'");
            }
            if (!config.configVersion().startsWith("2.1")) {
                fail(s, ElectionRecordReader.CONFIG, "1.A", "unknown config version '" + config.configVersion() + "'");
            }
            HashValue hp = ElectionHashes.parameterBaseHash(constants);
            if (!hp.equals(config.parameterBaseHash())) {
                fail(s, ElectionRecordReader.CONFIG, "1.F", "parameter_base_hash does not equal H_P of constants.json");
            }
            HashValue hm = ElectionHashes.manifestHash(hp, manifest.bytes());
            if (!hm.equals(config.manifestHash())) {
                fail(s, ElectionRecordReader.MANIFEST, "1.G", "manifest_hash does not equal H_M of manifest.json");
            }
            HashValue hb = ElectionHashes.electionBaseHash(hp, hm, config.numberOfGuardians(), config.quorum());
            if (!hb.equals(config.electionBaseHash())) {
                fail(s, ElectionRecordReader.CONFIG, "1.H", "election_base_hash does not equal H_B");
            }
            Set<String> contestIds = new HashSet<>();
            for (Manifest.Contest c : manifest.contests()) {
                if (!contestIds.add(c.contestId())) {
                    fail(s, "manifest contest " + c.contestId(), "1.I", "contest id is not unique");
                }
                Set<String> optionIds = new HashSet<>();
                c.selections().forEach(o -> {
                    if (!optionIds.add(o.selectionId())) {
                        fail(s, "manifest contest " + c.contestId() + "/" + o.selectionId(), "1.I", "option id is not unique");
                    }
                });
                if (c.contestLimit() < 1 || c.optionLimit() < 1) {
                    fail(s, "manifest contest " + c.contestId(), "1.I", "contest and option limits must be at least 1");
                }
            }
        }

        // ---- 2
        private void verifyGuardians(Group group, ElectionConfig config, ElectionInitialized init) {
            VerificationStep s = VerificationStep.GUARDIAN_PUBLIC_KEYS;
            HashValue hp = config.parameterBaseHash();
            if (init.guardians().size() != config.numberOfGuardians()) {
                fail(s, ElectionRecordReader.INITIALIZED, "2.0", init.guardians().size()
                        + " guardians published, the configuration names " + config.numberOfGuardians());
            }
            Set<Integer> xs = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Guardian g : init.guardians()) {
                String gid = "guardian " + g.guardianId();
                count(s, 1);
                if (!ids.add(g.guardianId())) {
                    fail(s, gid, "2.0", "guardian id is not unique");
                }
                if (g.xCoordinate() < 1 || g.xCoordinate() > config.numberOfGuardians() || !xs.add(g.xCoordinate())) {
                    fail(s, gid, "2.0", "x-coordinate " + g.xCoordinate() + " is not a unique value in 1.." + config.numberOfGuardians());
                }
                if (g.coefficientProofs().size() != config.quorum()) {
                    fail(s, gid, "2.0", g.coefficientProofs().size() + " coefficient commitments, the quorum needs " + config.quorum());
                }
                for (int j = 0; j < g.coefficientProofs().size(); j++) {
                    if (!g.coefficientProofs().get(j).verify(group, hp, g.xCoordinate(), j)) {
                        fail(s, gid + "/coefficient " + j, "2.B", "Schnorr proof does not verify");
                    }
                }
            }
        }

        // ---- 3
        private void verifyJointKey(Group group, ElectionInitialized init) {
            VerificationStep s = VerificationStep.ELECTION_PUBLIC_KEY;
            count(s, 1);
            Element product = group.identity();
            for (Guardian g : init.guardians()) {
                if (g.publicKey().isIdentity()) {
                    fail(s, "guardian " + g.guardianId(), "3.A", "public key K_i is the identity");
                }
                product = product.multiply(g.publicKey());
            }
            if (!product.equals(init.jointPublicKey())) {
                fail(s, ElectionRecordReader.INITIALIZED, "3.B", "joint_public_key is not the product of the guardians' keys");
            }
        }

        // ---- 5, 6, 7 (+ the data 8 and 13 need), in parallel
        private BallotPass verifyBallots(ElectionKey key, Manifest manifest, ElectionConfig config, int challengedFiles)
                throws RecordFormatException {
            List<Path> files = reader.encryptedBallotFiles();
            ballotCount = files.size();
            progress.started(files.size() + challengedFiles);
            BallotVerifier verifier = new BallotVerifier(key, manifest);
            BallotPass pass = new BallotPass(key.group());
            // Streamed: each outcome is folded into the pass as it completes and then dropped, so
            // memory holds the per-ballot summaries, never all ballots.
            runParallel(files, file -> readAndVerify(key, verifier, file), o -> {
                if (o.unreadable != null) {
                    unreadable.add(o.unreadable);
                    return;
                }
                for (Problem p : o.problems.list()) {
                    fail(p.step(), p.objectId(), p.check(), p.message());
                }
                pass.add(o.ballot, this);
            });
            count(VerificationStep.SELECTION_ENCRYPTIONS, ballotCount);
            count(VerificationStep.VOTE_LIMITS, ballotCount);
            count(VerificationStep.CONFIRMATION_CODES, ballotCount);
            count(VerificationStep.PRE_ENCRYPTED_BALLOTS, ballotCount);
            verifyChains(key, config, pass);
            return pass;
        }

        // ---- 7.C–7.G
        private void verifyChains(ElectionKey key, ElectionConfig config, BallotPass pass) throws RecordFormatException {
            VerificationStep s = VerificationStep.CONFIRMATION_CODES;
            for (Map.Entry<HashValue, List<String>> e : pass.ballotsByCode.entrySet()) {
                if (e.getValue().size() > 1) {
                    fail(s, "ballots " + String.join(", ", e.getValue()), "7.C", "confirmation code " + e.getKey() + " is not unique");
                }
            }
            if (!config.chainConfirmationCodes()) {
                return;
            }
            for (String device : reader.devices()) {
                String did = "device " + device;
                if (!reader.hasBallotChain(device)) {
                    fail(s, did, "7.D", "codes are chained but " + ElectionRecordReader.BALLOT_CHAIN + " is missing");
                    continue;
                }
                BallotChain chain = reader.ballotChain(device);
                byte[] baux0 = config.baux0().length == 0 ? device.getBytes(java.nio.charset.StandardCharsets.UTF_8) : config.baux0();
                HashValue previous = ConfirmationCodes.chainStart(key.extendedBaseHash(), baux0);
                Set<String> onDevice = new HashSet<>(pass.ballotsByDevice.getOrDefault(device, List.of()));
                for (String ballotId : chain.ballotIds()) {
                    EncryptedBallotSummary b = pass.summaries.get(ballotId);
                    if (b == null || !b.device.equals(device)) {
                        fail(s, did + "/ballot " + ballotId, "7.E", "chained ballot is not among this device's ballots");
                        continue;
                    }
                    onDevice.remove(ballotId);
                    if (!Arrays.equals(b.codeBaux, ConfirmationCodes.chainedBaux(previous, baux0))) {
                        fail(s, "ballot " + ballotId, "7.E", "B_aux is not H(B_(j-1)) ∥ B_aux,0");
                    }
                    previous = b.code;
                }
                if (!onDevice.isEmpty()) {
                    fail(s, did, "7.E", "ballots not in the chain: " + onDevice);
                }
                if (chain.closingHash() == null
                        || !chain.closingHash().equals(ConfirmationCodes.closingHash(key.extendedBaseHash(), previous, baux0))) {
                    fail(s, did, "7.G", "closing hash does not equal H(H_E; 0x24, H(B_l) ∥ B_aux,0 ∥ \"CLOSE\")");
                }
            }
        }

        // ---- 8
        private void verifyAggregation(Group group, HashValue he, Manifest manifest, EncryptedTally tally, BallotPass pass) {
            VerificationStep s = VerificationStep.BALLOT_AGGREGATION;
            String tid = "encrypted tally " + tally.tallyId();
            Map<String, ElGamalCiphertext> aggregate = pass.aggregate();
            for (Map.Entry<String, List<String>> e : pass.filesByBallotId.entrySet()) {
                if (e.getValue().size() > 1) {
                    fail(s, "ballot " + e.getKey(), "8.0", "ballot id appears in " + e.getValue().size() + " files");
                }
            }
            Set<String> tallyIds = new HashSet<>(tally.castBallotIds());
            if (tallyIds.size() != tally.castBallotIds().size()) {
                fail(s, tid, "8.0", "cast_ballot_ids lists a ballot twice");
            }
            for (String id : pass.castIds) {
                if (!tallyIds.contains(id)) {
                    fail(s, "ballot " + id, "8.0", "cast ballot is not in the tally's cast_ballot_ids");
                }
            }
            for (String id : tallyIds) {
                if (!pass.castIds.contains(id)) {
                    fail(s, "ballot " + id, "8.0", "cast_ballot_ids names a ballot that is not a cast ballot of the record");
                }
            }
            if (!tally.electionId().equals(he)) {
                fail(s, tid, "8.0", "election_id is not this election's H_E");
            }
            Map<String, Manifest.Contest> contests = manifest.contestsById();
            Set<String> tallied = new HashSet<>();
            for (EncryptedTally.Contest c : tally.contests()) {
                Manifest.Contest spec = contests.get(c.contestId());
                for (EncryptedTally.Selection sel : c.selections()) {
                    String key = c.contestId() + "/" + sel.selectionId();
                    count(s, 1);
                    if (!tallied.add(key)) {
                        fail(s, tid + "/" + key, "8.0", "option appears twice in the encrypted tally");
                        continue;
                    }
                    if (spec == null || spec.selections().stream().noneMatch(o -> o.selectionId().equals(sel.selectionId()))) {
                        fail(s, tid + "/" + key, "8.0", "option is not in the manifest");
                    }
                    // An option no cast ballot encrypts must hold the neutral (1, 1); anything else would
                    // smuggle votes into the tally.
                    ElGamalCiphertext expected = aggregate.getOrDefault(key, ElGamalCiphertext.zero(group));
                    if (!expected.pad().equals(sel.ciphertext().pad())) {
                        fail(s, tid + "/" + key, "8.A", "A is not the product of the cast ballots' α");
                    }
                    if (!expected.data().equals(sel.ciphertext().data())) {
                        fail(s, tid + "/" + key, "8.B", "B is not the product of the cast ballots' β");
                    }
                }
            }
            for (String key : aggregate.keySet()) {
                if (!tallied.contains(key)) {
                    fail(s, tid + "/" + key, "8.C", "an option of the cast ballots is missing from the encrypted tally");
                }
            }
        }

        // ---- 9, 10, 11
        private void verifyTally(ElectionKey key, Manifest manifest, EncryptedTally encryptedTally,
                                 DecryptedTallyOrBallot tally, BallotPass pass) {
            Problems p = new Problems();
            new DecryptionVerifier(key, manifest).verify(tally, false, p);
            p.list().forEach(x -> fail(x.step(), x.objectId(), x.check(), x.message()));
            int selections = tally.contests().stream().mapToInt(c -> c.selections().size()).sum();
            count(VerificationStep.TALLY_DECRYPTION, selections);
            count(VerificationStep.TALLY_VALIDATION, selections);
            count(VerificationStep.TALLY_CONTEST_DATA, (int) tally.contests().stream().filter(c -> c.contestData() != null).count());
            VerificationStep s = VerificationStep.TALLY_VALIDATION;
            String tid = "tally " + tally.id();
            // 10.E: the decrypted ciphertexts are the encrypted tally's, option by option
            Map<String, ElGamalCiphertext> encrypted = new HashMap<>();
            encryptedTally.contests().forEach(c -> c.selections().forEach(sel ->
                    encrypted.put(c.contestId() + "/" + sel.selectionId(), sel.ciphertext())));
            Set<String> decrypted = new HashSet<>();
            for (DecryptedTallyOrBallot.Contest c : tally.contests()) {
                for (DecryptedTallyOrBallot.Selection sel : c.selections()) {
                    String k = c.contestId() + "/" + sel.selectionId();
                    decrypted.add(k);
                    ElGamalCiphertext e = encrypted.get(k);
                    if (e == null || !e.equals(sel.ciphertext())) {
                        fail(s, tid + "/" + k, "10.E", "decrypted ciphertext is not the encrypted tally's");
                    }
                }
            }
            for (String k : encrypted.keySet()) {
                if (!decrypted.contains(k)) {
                    fail(s, tid + "/" + k, "10.F", "option of the encrypted tally is missing from the decrypted tally");
                }
            }
            for (String contestId : pass.castContests) {
                if (tally.contests().stream().noneMatch(c -> c.contestId().equals(contestId))) {
                    fail(s, tid + "/" + contestId, "10.F", "contest voted on cast ballots is missing from the tally");
                }
            }
        }

        // ---- 12, 13, 14
        private void verifyChallenged(ElectionKey key, Manifest manifest, List<Path> files, BallotPass pass) {
            challengedCount = files.size();
            DecryptionVerifier verifier = new DecryptionVerifier(key, manifest);
            VerificationStep s = VerificationStep.CHALLENGED_VALIDATION;
            Set<String> opened = new HashSet<>();
            runParallel(files, file -> {
                DecryptedTallyOrBallot d;
                try {
                    d = reader.challengedBallot(key.group(), file);
                } catch (RecordFormatException e) {
                    return BallotOutcome.unreadable(e.getMessage());
                }
                Problems p = new Problems();
                verifier.verify(d, true, p);
                return BallotOutcome.of(d, p);
            }, o -> checkOpenedBallot(o, s, opened, pass));
            for (String id : pass.challenged.keySet()) {
                if (!opened.contains(id)) {
                    fail(s, "ballot " + id, "13.G", "challenged ballot has no decryption in " + ElectionRecordReader.CHALLENGED_BALLOTS);
                }
            }
        }

        // ---- M1–M5, only for records with madang/
        private void verifyMadangExtensions(ElectionKey key, Manifest manifest, List<Path> supersededFiles, BallotPass pass)
                throws RecordFormatException {
            MadangRecordJson.PublishedBoard board = reader.madangBoard();
            List<byte[]> credentials = reader.madangCredentials();
            List<MadangRecordJson.CountedBallot> counted = reader.madangCounted();
            MadangRecordJson.ReceiptKey receiptKey = reader.madangReceiptKey();
            reader.madangManifestForm();

            MadangExtensions extensions = new MadangExtensions(key.extendedBaseHash(), threads);
            BallotVerifier verifier = new BallotVerifier(key, manifest);
            runParallel(supersededFiles, file -> readAndVerify(key, verifier, file), o -> {
                if (o.unreadable != null) {
                    unreadable.add(o.unreadable);
                } else {
                    extensions.supersededBallot(published(o.ballot), o.problems);
                }
            });
            Map<String, MadangExtensions.PublishedBallot> encrypted = new HashMap<>();
            pass.summaries.forEach((id, summary) -> encrypted.put(id, new MadangExtensions.PublishedBallot(id, summary.state, summary.code)));
            extensions.verify(board, credentials, counted, receiptKey, encrypted);
            for (Problem p : extensions.problems().list()) {
                fail(p.step(), p.objectId(), p.check(), p.message());
            }
            for (VerificationStep s : VerificationStep.values()) {
                if (s.madangExtension()) {
                    count(s, extensions.checked(s));
                }
            }
        }

        private static MadangExtensions.PublishedBallot published(EncryptedBallot b) {
            return new MadangExtensions.PublishedBallot(b.ballotId(), b.state(), b.confirmationCode());
        }

        private void checkOpenedBallot(BallotOutcome o, VerificationStep s, Set<String> opened, BallotPass pass) {
            if (o.unreadable != null) {
                unreadable.add(o.unreadable);
                return;
            }
            o.problems.list().forEach(x -> fail(x.step(), x.objectId(), x.check(), x.message()));
            DecryptedTallyOrBallot d = o.decrypted;
            String bid = "challenged ballot " + d.id();
            count(VerificationStep.CHALLENGED_DECRYPTION, 1);
            count(VerificationStep.CHALLENGED_VALIDATION, 1);
            count(VerificationStep.CHALLENGED_CONTEST_DATA, 1);
            if (!opened.add(d.id())) {
                fail(s, bid, "13.G", "ballot is opened twice");
                return;
            }
            EncryptedBallotSummary original = pass.challenged.get(d.id());
            if (original == null) {
                fail(s, bid, "13.G", "no encrypted ballot with this id was challenged");
                return;
            }
            // The opened ciphertexts must be exactly those the voter's confirmation code commits to.
            Set<String> seen = new HashSet<>();
            for (DecryptedTallyOrBallot.Contest c : d.contests()) {
                for (DecryptedTallyOrBallot.Selection sel : c.selections()) {
                    String k = c.contestId() + "/" + sel.selectionId();
                    seen.add(k);
                    ElGamalCiphertext e = original.ciphertexts.get(k);
                    if (e == null || !e.equals(sel.ciphertext())) {
                        fail(s, bid + "/" + k, "13.G", "ciphertext differs from the challenged encrypted ballot's");
                    }
                }
                if (c.contestData() != null) {
                    HashedElGamalCiphertext e = original.contestData.get(c.contestId());
                    HashedElGamalCiphertext a = c.contestData().ciphertext();
                    if (e == null || !e.c0().equals(a.c0()) || !Arrays.equals(e.c1(), a.c1())
                            || !e.c2().equals(a.c2()) || e.numBytes() != a.numBytes()) {
                        fail(VerificationStep.CHALLENGED_CONTEST_DATA, bid + "/" + c.contestId(), "14.0",
                                "contest data ciphertext differs from the challenged encrypted ballot's");
                    }
                }
            }
            for (String k : original.ciphertexts.keySet()) {
                if (!seen.contains(k)) {
                    fail(s, bid + "/" + k, "13.F", "option of the encrypted ballot is not decrypted");
                }
            }
        }

        /**
         * Runs {@code work} on the worker threads and hands each outcome to {@code sink} on this
         * thread as it completes. At most a few tasks per thread are in flight, so a record of any
         * size needs memory for those tasks only (plus what the sink keeps).
         */
        /** One encrypted ballot file, read and checked: its outcome, or why it could not be read. */
        private BallotOutcome readAndVerify(ElectionKey key, BallotVerifier verifier, Path file) {
            EncryptedBallot ballot;
            try {
                ballot = reader.encryptedBallot(key.group(), file);
            } catch (RecordFormatException e) {
                return BallotOutcome.unreadable(e.getMessage());
            }
            Problems p = new Problems();
            verifier.verify(ballot, p);
            return BallotOutcome.of(ballot, p);
        }

        private <T> void runParallel(List<T> inputs, java.util.function.Function<T, BallotOutcome> work,
                                     java.util.function.Consumer<BallotOutcome> sink) {
            if (inputs.isEmpty()) {
                return;
            }
            int workers = Math.min(threads, inputs.size());
            int maxInFlight = 4 * workers;
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "ballot-verifier");
                t.setDaemon(true);
                return t;
            });
            try {
                CompletionService<BallotOutcome> cs = new ExecutorCompletionService<>(pool);
                int submitted = 0;
                for (int done = 0; done < inputs.size(); done++) {
                    while (submitted < inputs.size() && submitted - done < maxInFlight) {
                        T input = inputs.get(submitted++);
                        cs.submit(() -> {
                            BallotOutcome o;
                            try {
                                o = work.apply(input);
                            } catch (RuntimeException e) {
                                o = BallotOutcome.unreadable(input + ": unexpected error: " + e);
                            }
                            progress.advanced();
                            return o;
                        });
                    }
                    sink.accept(cs.take().get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("verification task failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The result of reading and checking one file on a worker thread. */
    private static final class BallotOutcome {
        final String unreadable;
        final EncryptedBallot ballot;
        final DecryptedTallyOrBallot decrypted;
        final Problems problems;

        private BallotOutcome(String unreadable, EncryptedBallot ballot, DecryptedTallyOrBallot decrypted, Problems problems) {
            this.unreadable = unreadable;
            this.ballot = ballot;
            this.decrypted = decrypted;
            this.problems = problems;
        }

        static BallotOutcome unreadable(String message) {
            return new BallotOutcome(message, null, null, new Problems());
        }

        static BallotOutcome of(EncryptedBallot ballot, Problems problems) {
            return new BallotOutcome(null, ballot, null, problems);
        }

        static BallotOutcome of(DecryptedTallyOrBallot decrypted, Problems problems) {
            return new BallotOutcome(null, null, decrypted, problems);
        }
    }

    /** What later steps need of an encrypted ballot once it has been checked. */
    private static final class EncryptedBallotSummary {
        final String device;
        final BallotState state;
        final HashValue code;
        final byte[] codeBaux;
        final Map<String, ElGamalCiphertext> ciphertexts = new LinkedHashMap<>();
        final Map<String, HashedElGamalCiphertext> contestData = new HashMap<>();

        EncryptedBallotSummary(EncryptedBallot b, boolean keepCiphertexts) {
            device = b.encryptingDevice();
            state = b.state();
            code = b.confirmationCode();
            codeBaux = b.codeBaux();
            if (keepCiphertexts) {
                for (EncryptedBallot.Contest c : b.contests()) {
                    contestData.put(c.contestId(), c.contestData());
                    c.selections().forEach(s -> ciphertexts.put(c.contestId() + "/" + s.selectionId(), s.ciphertext()));
                }
            }
        }
    }

    /** Accumulated over all encrypted ballots (on the coordinating thread). */
    private static final class BallotPass {
        private final CiphertextSums aggregate;
        final Set<String> castIds = new HashSet<>();
        final Set<String> castContests = new HashSet<>();
        final Map<HashValue, List<String>> ballotsByCode = new HashMap<>();
        final Map<String, List<String>> filesByBallotId = new HashMap<>();
        final Map<String, List<String>> ballotsByDevice = new HashMap<>();
        final Map<String, EncryptedBallotSummary> summaries = new HashMap<>();
        final Map<String, EncryptedBallotSummary> challenged = new HashMap<>();

        BallotPass(Group group) {
            aggregate = new CiphertextSums(group);
        }

        void add(EncryptedBallot b, Run run) {
            filesByBallotId.computeIfAbsent(b.ballotId(), k -> new ArrayList<>()).add(b.ballotId());
            ballotsByCode.computeIfAbsent(b.confirmationCode(), k -> new ArrayList<>()).add(b.ballotId());
            ballotsByDevice.computeIfAbsent(b.encryptingDevice(), k -> new ArrayList<>()).add(b.ballotId());
            boolean isChallenged = b.state() == BallotState.CHALLENGED;
            EncryptedBallotSummary summary = new EncryptedBallotSummary(b, isChallenged);
            summaries.put(b.ballotId(), summary);
            if (isChallenged) {
                challenged.put(b.ballotId(), summary);
            }
            if (b.state() == BallotState.CAST && castIds.add(b.ballotId())) {
                for (EncryptedBallot.Contest c : b.contests()) {
                    castContests.add(c.contestId());
                    for (EncryptedBallot.Selection s : c.selections()) {
                        aggregate.add(c.contestId() + "/" + s.selectionId(), s.ciphertext());
                    }
                }
            }
        }

        /** The aggregate of every cast ballot; call once all ballots are added. */
        Map<String, ElGamalCiphertext> aggregate() {
            return aggregate.sums();
        }
    }
}
