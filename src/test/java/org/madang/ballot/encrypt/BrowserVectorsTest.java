package org.madang.ballot.encrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.crypto.NonceSequence;
import org.madang.ballot.crypto.SchnorrProof;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.demo.DemoManifest;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.Guardian;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.verify.BallotVerifier;
import org.madang.ballot.verify.Problems;

/**
 * Test vectors for the browser's ballot encryption (webapp/src/js/eg), written by this Java core
 * from fixed keys and fixed master nonces, so the whole file is deterministic. The committed
 * webapp/test/vectors/ballots.json must equal what the Java code writes today: if the core's
 * output drifts, this test fails (and the Node test eg.test.js holds the JS code to the same file).
 * Regenerate deliberately with {@code -Dmadang.writeVectors=true}.
 */
class BrowserVectorsTest {

    static final Path VECTORS = Path.of("webapp/test/vectors/ballots.json");
    private static final Group GROUP = P256Group.instance();
    private static final HashValue SEED = HashValue.of(sha256("madang browser vectors"));

    /** Four contests: 1-of-2, 1-of-4, 3-of-5 approval, and a cumulative 3 votes with at most 2 per option. */
    static final List<DemoManifest.ContestSpec> CONTESTS = List.of(
            new DemoManifest.ContestSpec("referendum-housing", "yes_no", 1, 1, List.of("yes", "no"), "nation"),
            new DemoManifest.ContestSpec("mayor", "one_of_m", 1, 1, List.of("kim", "lee", "park", "choi"), "nation"),
            new DemoManifest.ContestSpec("park-projects", "approval", 3, 1,
                    List.of("library", "playground", "bike-lanes", "market", "garden"), "district-east"),
            new DemoManifest.ContestSpec("budget-points", "cumulative", 3, 2, List.of("roads", "schools", "parks"), "district-east"));

    /** One ballot of the vectors: who, what, and the fixed nonce and time it is encrypted with. */
    record Case(String ballotId, String style, BallotState state, Map<String, Map<String, Integer>> choices) {
    }

    static final List<Case> CASES = List.of(
            // normal, under-vote (2 of 3) and a cumulative 2+1
            new Case("vector-1", "style-all", BallotState.CAST, ordered(
                    "referendum-housing", ordered("yes", 1),
                    "mayor", ordered("lee", 1),
                    "park-projects", ordered("library", 1, "garden", 1),
                    "budget-points", ordered("schools", 2, "parks", 1))),
            // over-votes: two marks in a 1-of-4, and 3 points on one option whose limit is 2; the
            // approval contest at its limit; the referendum left blank (null vote)
            new Case("vector-2", "style-all", BallotState.CAST, ordered(
                    "mayor", ordered("kim", 1, "choi", 1),
                    "park-projects", ordered("playground", 1, "bike-lanes", 1, "market", 1),
                    "budget-points", ordered("roads", 3))),
            // another style, challenged, with an over-vote of the contest limit by explicit zeros and ones
            new Case("vector-3", "style-nation", BallotState.CHALLENGED, ordered(
                    "referendum-housing", ordered("yes", 1, "no", 1),
                    "mayor", ordered("kim", 0, "park", 1))),
            // every contest blank
            new Case("vector-4", "style-all", BallotState.CAST, ordered()));

    @Test
    void vectorsEqualTheCommittedFile() throws Exception {
        String written = JsonWriter.write(vectors()) + "\n";
        if (Boolean.getBoolean("madang.writeVectors")) {
            Files.createDirectories(VECTORS.getParent());
            Files.writeString(VECTORS, written, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(VECTORS, StandardCharsets.UTF_8))
                .as("%s is stale: the Java core's output changed; regenerate with -Dmadang.writeVectors=true "
                        + "and check that webapp/test/eg.test.js still passes", VECTORS)
                .isEqualTo(written);
    }

    @Test
    void vectorBallotsVerifyAndOpen() throws Exception {
        Election e = election();
        BallotEncryptor encryptor = new BallotEncryptor(e.key, e.manifest);
        BallotVerifier verifier = new BallotVerifier(e.key, e.manifest);
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            EncryptedBallot b = encrypt(encryptor, e.config, c, i);
            Problems problems = new Problems();
            verifier.verify(b, problems);
            assertThat(problems.list()).as(c.ballotId()).isEmpty();
            assertThat(BallotOpening.open(encryptor, b, masterNonce(i))).as(c.ballotId()).isPresent();
        }
    }

    record Election(byte[] manifestBytes, Manifest manifest, ElectionConfig config, ElectionInitialized init, ElectionKey key) {
    }

    /** 3 guardians, quorum 2, every coefficient and proof commitment derived from {@link #SEED}. */
    static Election election() throws Exception {
        byte[] manifestBytes = DemoManifest.bytes("browser-vectors", CONTESTS);
        Manifest manifest = RecordJson.readManifest(manifestBytes, JsonReader.parse(manifestBytes, JsonReader.Limits.RECORD), "manifest.json");
        ElectionConfig config = DemoElection.config(GROUP, manifestBytes, 3, 2, false);
        List<Guardian> guardians = new ArrayList<>();
        Element joint = GROUP.identity();
        for (int i = 1; i <= 3; i++) {
            NonceSequence coefficients = new NonceSequence(GROUP, SEED, "guardian " + i + " coefficients");
            NonceSequence commitments = new NonceSequence(GROUP, SEED, "guardian " + i + " proof commitments");
            List<SchnorrProof> proofs = new ArrayList<>();
            for (int j = 0; j < 2; j++) {
                proofs.add(SchnorrProof.prove(GROUP, config.parameterBaseHash(), i, j, coefficients.get(j), commitments.get(j)));
            }
            guardians.add(new Guardian("guardian-" + i, i, proofs));
            joint = joint.multiply(proofs.get(0).commitment());
        }
        HashValue he = ElectionHashes.extendedBaseHash(config.electionBaseHash(), joint);
        ElectionInitialized init = new ElectionInitialized(joint, he, guardians, Map.of());
        return new Election(manifestBytes, manifest, config, init, new ElectionKey(GROUP, joint, he));
    }

    static HashValue masterNonce(int i) {
        return HashValue.of(new NonceSequence(GROUP, SEED, "master nonce").get(i).encode());
    }

    static EncryptedBallot encrypt(BallotEncryptor encryptor, ElectionConfig config, Case c, int i) {
        List<PlaintextBallot.Contest> contests = new ArrayList<>();
        c.choices().forEach((contest, votes) -> contests.add(new PlaintextBallot.Contest(contest, votes, List.of())));
        EncryptionDevice device = new EncryptionDevice(encryptor, "madang-web", config);
        return device.encrypt(new PlaintextBallot(c.ballotId(), c.style(), contests), masterNonce(i), 1_780_000_000L + i, c.state());
    }

    static JsonValue vectors() throws Exception {
        Election e = election();
        BallotEncryptor encryptor = new BallotEncryptor(e.key, e.manifest);
        Map<String, JsonValue> documents = new LinkedHashMap<>();
        documents.put("constants", RecordJson.write(GROUP.constants()));
        // as text: H_M hashes the manifest's bytes, which a parsed object would lose
        documents.put("manifest", JsonValue.of(new String(e.manifestBytes, StandardCharsets.UTF_8)));
        documents.put("election_config", RecordJson.write(e.config));
        documents.put("election_initialized", RecordJson.write(e.init));

        Map<String, JsonValue> hashes = new LinkedHashMap<>();
        hashes.put("parameter_base_hash", hex(e.config.parameterBaseHash()));
        hashes.put("manifest_hash", hex(e.config.manifestHash()));
        hashes.put("election_base_hash", hex(e.config.electionBaseHash()));
        hashes.put("extended_base_hash", hex(e.init.extendedBaseHash()));

        List<JsonValue> hashToField = new ArrayList<>();
        for (byte[] input : List.of(new byte[32], filled(0xFF), sha256("madang"), e.init.extendedBaseHash().bytes())) {
            Scalar s = GROUP.hashToScalar(input);
            hashToField.add(obj("input", JsonValue.of(HexFormat.of().formatHex(input)),
                    "scalar", JsonValue.of(HexFormat.of().formatHex(s.encode()))));
        }

        List<JsonValue> ballots = new ArrayList<>();
        List<EncryptedBallot> encrypted = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            EncryptedBallot b = encrypt(encryptor, e.config, c, i);
            encrypted.add(b);
            Map<String, JsonValue> choices = new LinkedHashMap<>();
            c.choices().forEach((contest, votes) -> {
                Map<String, JsonValue> v = new LinkedHashMap<>();
                votes.forEach((sel, n) -> v.put(sel, JsonValue.of(n)));
                choices.put(contest, new JsonValue.JsonObject(v));
            });
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("ballot_id", JsonValue.of(c.ballotId()));
            m.put("ballot_style_id", JsonValue.of(c.style()));
            m.put("device", JsonValue.of(b.encryptingDevice()));
            m.put("state", JsonValue.of(c.state().name()));
            m.put("timestamp", JsonValue.of(b.timestamp()));
            m.put("master_nonce", JsonValue.of(HexFormat.of().formatHex(masterNonce(i).bytes())));
            m.put("choices", new JsonValue.JsonObject(choices));
            m.put("confirmation_code", hex(b.confirmationCode()));
            m.put("ballot", RecordJson.write(b));
            ballots.add(new JsonValue.JsonObject(m));
        }

        // a credential signature: fixed key, the first ballot's code; Bouncy Castle's ECDSA is RFC 6979 deterministic
        byte[] secret = new NonceSequence(GROUP, SEED, "credential").get(0).encode();
        CredentialSignature.KeyPair keys = new CredentialSignature.KeyPair(secret,
                GROUP.gPow(GROUP.decodeScalar(secret)).encode());
        HashValue code = encrypted.get(0).confirmationCode();
        byte[] signature = keys.sign(e.init.extendedBaseHash(), code);
        assertThat(CredentialSignature.verify(keys.credential(), e.init.extendedBaseHash(), code, signature)).isTrue();
        Map<String, JsonValue> credential = new LinkedHashMap<>();
        credential.put("secret", JsonValue.of(HexFormat.of().formatHex(secret)));
        credential.put("credential", JsonValue.of(HexFormat.of().formatHex(keys.credential())));
        credential.put("extended_base_hash", hex(e.init.extendedBaseHash()));
        credential.put("confirmation_code", hex(code));
        credential.put("signature", JsonValue.of(HexFormat.of().formatHex(signature)));

        Map<String, JsonValue> root = new LinkedHashMap<>();
        root.put("comment", JsonValue.of("Written by org.madang.ballot.encrypt.BrowserVectorsTest (mvn test -Dtest=BrowserVectorsTest "
                + "-Dmadang.writeVectors=true). Hashes and codes in hex; ballots exactly as RecordJson.write."));
        root.put("documents", new JsonValue.JsonObject(documents));
        root.put("hashes", new JsonValue.JsonObject(hashes));
        root.put("hash_to_field", new JsonValue.JsonArray(hashToField));
        root.put("ballots", new JsonValue.JsonArray(ballots));
        root.put("credential_signature", new JsonValue.JsonObject(credential));
        return new JsonValue.JsonObject(root);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... kv) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (V) kv[i + 1]);
        }
        return m;
    }

    private static JsonValue obj(Object... kv) {
        Map<String, JsonValue> m = ordered(kv);
        return new JsonValue.JsonObject(m);
    }

    private static JsonValue hex(HashValue h) {
        return JsonValue.of(HexFormat.of().formatHex(h.bytes()));
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
