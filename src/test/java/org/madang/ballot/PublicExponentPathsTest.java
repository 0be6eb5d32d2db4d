package org.madang.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.demo.DemoManifest;
import org.madang.ballot.encrypt.BallotEncryptor;
import org.madang.ballot.encrypt.PlaintextBallot;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.group.p256.P256PublicMultiplier;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.keyceremony.KeyCeremony;
import org.madang.ballot.keyceremony.KeyCeremonyGuardian;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.verify.BallotVerifier;
import org.madang.ballot.verify.Problems;

/**
 * The P-256 variable-time multiplier may only see public exponents. Key generation, encryption
 * of key shares and ballots (nonces) and partial decryption (key shares) must not reach it; the
 * same counter shows that verification does.
 */
class PublicExponentPathsTest {

    private final Group group = P256Group.instance();
    private final SecureRandom random = new SecureRandom();

    private static long variableTimeMultiplications() {
        return P256PublicMultiplier.multiplicationsOnThisThread();
    }

    @Test
    void keyGenerationAndKeySharesUseOnlyConstantTimeCode() throws Exception {
        ElectionConfig config = DemoElection.config(group, DemoManifest.bytes("paths"), 2, 2, false);
        long before = variableTimeMultiplications();
        KeyCeremonyGuardian a = new KeyCeremonyGuardian(group, config.parameterBaseHash(), "a", 1, 2, 2, random);
        KeyCeremonyGuardian b = new KeyCeremonyGuardian(group, config.parameterBaseHash(), "b", 2, 2, 2, random);
        assertThat(variableTimeMultiplications()).as("secret coefficients and their Schnorr proofs").isEqualTo(before);

        a.receive(b.announcement()); // checks b's proofs: public values
        long afterChecking = variableTimeMultiplications();
        assertThat(afterChecking).as("proof checks count, so the counter is live").isGreaterThan(before);

        a.shareFor("b");
        assertThat(variableTimeMultiplications()).as("encrypting a secret share to b").isEqualTo(afterChecking);
    }

    @Test
    void ballotEncryptionAndDecryptionSharesUseOnlyConstantTimeCode() throws Exception {
        byte[] manifestBytes = DemoManifest.bytes("paths");
        Manifest manifest = RecordJson.readManifest(manifestBytes, JsonReader.parse(manifestBytes, JsonReader.Limits.RECORD), "manifest.json");
        ElectionConfig config = DemoElection.config(group, manifestBytes, 3, 2, false);
        KeyCeremony.Result ceremony = KeyCeremony.run(group, config, random);
        ElectionKey key = new ElectionKey(group, ceremony.initialized().jointPublicKey(), ceremony.initialized().extendedBaseHash());
        BallotEncryptor encryptor = new BallotEncryptor(key, manifest);
        Map<String, Integer> mayor = new LinkedHashMap<>();
        mayor.put("lee", 1);
        PlaintextBallot ballot = new PlaintextBallot("b-1", "style-nation",
                List.of(new PlaintextBallot.Contest("mayor", mayor, List.of())));

        long before = variableTimeMultiplications();
        EncryptedBallot encrypted = encryptor.encrypt(ballot, HashValue.of(new byte[32]), "device", 0, new byte[0], BallotState.CAST);
        assertThat(variableTimeMultiplications()).as("encryption nonces and range-proof secrets").isEqualTo(before);

        DecryptingTrustee trustee = ceremony.trustees().get(0);
        List<Element> pads = encrypted.contests().get(0).selections().stream().map(s -> s.ciphertext().pad()).toList();
        trustee.partialDecrypt(key.extendedBaseHash(), "batch", pads, List.of(1, 2));
        assertThat(variableTimeMultiplications()).as("partial decryption with the key share").isEqualTo(before);

        Problems problems = new Problems();
        new BallotVerifier(key, manifest).verify(encrypted, problems);
        assertThat(problems.list()).isEmpty();
        assertThat(variableTimeMultiplications()).as("verification uses the fast code").isGreaterThan(before);
    }
}
