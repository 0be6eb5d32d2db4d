package org.madang.ballot.keyceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.decrypt.LagrangeCoefficients;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.demo.DemoManifest;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.ElectionConfig;

class KeyCeremonyTest {

    private final Group group = P256Group.instance();
    private final ElectionConfig config = DemoElection.config(group, DemoManifest.bytes("kc"), 4, 3, false);
    private final SecureRandom random = new SecureRandom();

    private List<KeyCeremonyGuardian> guardians() throws KeyCeremonyException {
        List<KeyCeremonyGuardian> gs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            gs.add(new KeyCeremonyGuardian(group, config.parameterBaseHash(), "g" + i, i, 4, 3, random));
        }
        for (KeyCeremonyGuardian a : gs) {
            for (KeyCeremonyGuardian b : gs) {
                if (a != b) {
                    b.receive(a.announcement());
                }
            }
        }
        return gs;
    }

    @Test
    void anyQuorumOfSharesInterpolatesTheJointSecret() throws Exception {
        KeyCeremony.Result result = KeyCeremony.run(group, config, random);
        List<DecryptingTrustee> t = result.trustees();
        Element k = result.initialized().jointPublicKey();
        // Σ w_i·z_i over any 3 of the 4 guardians is s, so g^(Σ w_i z_i) = K; shown via the public g^(z_i)
        for (List<Integer> subset : List.of(List.of(1, 2, 3), List.of(2, 3, 4), List.of(1, 3, 4))) {
            Element product = group.identity();
            for (int x : subset) {
                Scalar w = LagrangeCoefficients.of(group, x, subset);
                product = product.multiply(t.get(x - 1).shareCommitment().pow(w));
            }
            assertThat(product).isEqualTo(k);
        }
    }

    @Test
    void messagesSurviveJsonAndTamperedSharesAreRefused() throws Exception {
        List<KeyCeremonyGuardian> gs = guardians();
        EncryptedKeyShare share = gs.get(0).shareFor("g2");
        String wire = JsonWriter.write(share.toJson());
        EncryptedKeyShare back = EncryptedKeyShare.fromJson(group, JsonReader.parse(wire));
        gs.get(1).receive(back);

        byte[] c1 = share.c1();
        c1[5] ^= 1;
        EncryptedKeyShare flipped = new EncryptedKeyShare(share.senderId(), share.senderX(), share.recipientId(),
                share.recipientX(), share.c0(), c1, share.proofChallenge(), share.proofResponse());
        assertThatThrownBy(() -> gs.get(1).receive(flipped)).isInstanceOf(KeyCeremonyException.class);

        EncryptedKeyShare misrouted = gs.get(0).shareFor("g3");
        assertThatThrownBy(() -> gs.get(1).receive(misrouted)).hasMessageContaining("addressed");
    }

    @Test
    void announcementWithABadProofIsRefused() throws Exception {
        KeyCeremonyGuardian a = new KeyCeremonyGuardian(group, config.parameterBaseHash(), "g1", 1, 4, 3, random);
        KeyCeremonyGuardian b = new KeyCeremonyGuardian(group, config.parameterBaseHash(), "g2", 2, 4, 3, random);
        GuardianAnnouncement good = a.announcement();
        var proofs = new ArrayList<>(good.coefficientProofs());
        var p = proofs.get(1);
        proofs.set(1, new org.madang.ballot.crypto.SchnorrProof(p.commitment(), p.challenge(), p.response().add(group.scalar(1))));
        GuardianAnnouncement bad = new GuardianAnnouncement("g1", 1, proofs, good.communicationKeyProof());
        assertThatThrownBy(() -> b.receive(bad)).hasMessageContaining("coefficient 1");
        GuardianAnnouncement roundTrip = GuardianAnnouncement.fromJson(group, JsonReader.parse(JsonWriter.write(good.toJson())));
        assertThat(roundTrip.validate(group, config.parameterBaseHash(), 4, 3)).isEmpty();
    }
}
