package org.madang.ballot.keyceremony;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madang.ballot.crypto.SchnorrProof;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.demo.DemoManifest;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;

/** The relay's checks, and guardians that stop and resume from their secret files mid-ceremony. */
class CeremonyRelayTest {

    private final Group group = P256Group.instance();
    private final ElectionConfig config = DemoElection.config(group, DemoManifest.bytes("relay"), 3, 2, false);
    private final HashValue hp = config.parameterBaseHash();
    private final SecureRandom random = new SecureRandom();

    private List<KeyCeremonyGuardian> guardians() {
        List<KeyCeremonyGuardian> gs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            gs.add(new KeyCeremonyGuardian(group, hp, "guardian" + i, i, 3, 2, random));
        }
        return gs;
    }

    @Test
    void announcementsAreCheckedAgainstTheAssignedGuardian() {
        GuardianAnnouncement a = guardians().get(1).announcement();
        assertThat(CeremonyRelay.checkAnnouncement(group, hp, 3, 2, a, "guardian2", 2)).isEmpty();
        assertThat(CeremonyRelay.checkAnnouncement(group, hp, 3, 2, a, "guardian3", 2)).get().asString().contains("guardian3");
        assertThat(CeremonyRelay.checkAnnouncement(group, hp, 3, 2, a, "guardian2", 3)).get().asString().contains("x-coordinate");
        assertThat(CeremonyRelay.checkAnnouncement(group, hp, 3, 3, a, "guardian2", 2)).get().asString().contains("quorum");
        SchnorrProof p = a.coefficientProofs().get(1);
        GuardianAnnouncement forged = new GuardianAnnouncement("guardian2", 2,
                List.of(a.coefficientProofs().get(0), new SchnorrProof(p.commitment(), p.challenge(), p.response().add(group.scalar(1)))),
                a.communicationKeyProof());
        assertThat(CeremonyRelay.checkAnnouncement(group, hp, 3, 2, forged, "guardian2", 2)).get().asString()
                .contains("coefficient 1");
    }

    @Test
    void sharesAreCheckedAgainstSenderAndRecipient() throws Exception {
        List<KeyCeremonyGuardian> gs = guardians();
        for (KeyCeremonyGuardian a : gs) {
            for (KeyCeremonyGuardian b : gs) {
                if (a != b) {
                    b.receive(a.announcement());
                }
            }
        }
        GuardianAnnouncement g1 = gs.get(0).announcement();
        GuardianAnnouncement g2 = gs.get(1).announcement();
        GuardianAnnouncement g3 = gs.get(2).announcement();
        EncryptedKeyShare s = gs.get(0).shareFor("guardian2");
        assertThat(CeremonyRelay.checkShare(group, hp, s, g1, g2)).isEmpty();
        assertThat(CeremonyRelay.checkShare(group, hp, s, g3, g2)).get().asString().contains("sender");
        assertThat(CeremonyRelay.checkShare(group, hp, s, g1, g3)).get().asString().contains("recipient");
        EncryptedKeyShare badProof = new EncryptedKeyShare(s.senderId(), s.senderX(), s.recipientId(), s.recipientX(), s.c0(),
                s.c1(), s.proofChallenge(), s.proofResponse().add(group.scalar(1)));
        assertThat(CeremonyRelay.checkShare(group, hp, badProof, g1, g2)).get().asString().contains("proof");
    }

    @Test
    void guardiansResumeFromTheirSecretFilesAndAgreeWithTheRelaysRecord() throws Exception {
        List<KeyCeremonyGuardian> gs = guardians();
        for (KeyCeremonyGuardian a : gs) {
            for (KeyCeremonyGuardian b : gs) {
                if (a != b) {
                    b.receive(GuardianAnnouncement.fromJson(group, JsonReader.parse(JsonWriter.write(a.announcement().toJson()))));
                }
            }
        }
        gs.replaceAll(this::restart);
        assertThat(gs.get(0).hasAnnouncementFrom("guardian2")).isTrue();
        for (KeyCeremonyGuardian a : gs) {
            for (KeyCeremonyGuardian b : gs) {
                if (a != b) {
                    b.receive(a.shareFor(b.guardianId()));
                }
            }
        }
        gs.replaceAll(this::restart);
        assertThat(gs.get(2).hasShareFrom("guardian1")).isTrue();
        List<GuardianAnnouncement> announcements = gs.stream().map(KeyCeremonyGuardian::announcement).toList();
        ElectionInitialized init = CeremonyRelay.initialized(config, List.of(announcements.get(2), announcements.get(0),
                announcements.get(1)));
        assertThat(init.guardians()).extracting(g -> g.xCoordinate()).containsExactly(1, 2, 3);
        assertThat(init.extendedBaseHash()).isEqualTo(ElectionHashes.extendedBaseHash(config.electionBaseHash(), init.jointPublicKey()));
        for (KeyCeremonyGuardian g : gs) {
            assertThat(g.isComplete()).isTrue();
            assertThat(g.jointPublicKey()).isEqualTo(init.jointPublicKey());
            assertThat(g.trustee().shareCommitment()).isEqualTo(KeyCeremonyGuardian.commitmentAt(
                    init.guardians().get(0).coefficientProofs().stream().map(SchnorrProof::commitment).toList(), g.xCoordinate())
                    .multiply(KeyCeremonyGuardian.commitmentAt(
                            init.guardians().get(1).coefficientProofs().stream().map(SchnorrProof::commitment).toList(), g.xCoordinate()))
                    .multiply(KeyCeremonyGuardian.commitmentAt(
                            init.guardians().get(2).coefficientProofs().stream().map(SchnorrProof::commitment).toList(), g.xCoordinate())));
        }
    }

    private KeyCeremonyGuardian restart(KeyCeremonyGuardian g) {
        try {
            String file = JsonWriter.write(g.toSecretJson());
            assertThat(file).contains("SECRET");
            return KeyCeremonyGuardian.fromSecretJson(group, JsonReader.parse(file));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
