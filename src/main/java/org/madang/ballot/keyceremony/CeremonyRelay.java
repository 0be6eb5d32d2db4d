package org.madang.ballot.keyceremony;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;

/**
 * The checks and computations of the server that relays a key ceremony. It holds no secret and
 * decides nothing a guardian relies on: every guardian re-checks every announcement and decrypts
 * and checks its own shares. The relay refuses malformed messages early so that a ceremony does
 * not stall on garbage, and it writes election_initialized.json from the announcements.
 */
public final class CeremonyRelay {

    private CeremonyRelay() {
    }

    /**
     * The reason to refuse guardian {@code expectedGuardianId}'s announcement (wrong id or x, a bad
     * Schnorr proof, the wrong number of commitments), or empty when it is valid.
     */
    public static Optional<String> checkAnnouncement(Group group, HashValue hp, int n, int k, GuardianAnnouncement a,
                                                     String expectedGuardianId, int expectedX) {
        if (!a.guardianId().equals(expectedGuardianId)) {
            return Optional.of("announcement names guardian '" + a.guardianId() + "', the sender is '" + expectedGuardianId + "'");
        }
        if (a.xCoordinate() != expectedX) {
            return Optional.of("announcement of '" + expectedGuardianId + "' has x-coordinate " + a.xCoordinate()
                    + ", it was assigned " + expectedX);
        }
        return a.validate(group, hp, n, k).map(problem -> "announcement of '" + expectedGuardianId + "': " + problem);
    }

    /**
     * The reason to refuse a share from {@code sender} to {@code recipient} (ids or x-coordinates
     * that do not match their announcements, a share to oneself, a nonce proof that fails), or empty.
     * Whether the share decrypts to a value matching the sender's commitments only the recipient can tell.
     */
    public static Optional<String> checkShare(Group group, HashValue hp, EncryptedKeyShare s,
                                              GuardianAnnouncement sender, GuardianAnnouncement recipient) {
        if (!s.senderId().equals(sender.guardianId()) || s.senderX() != sender.xCoordinate()) {
            return Optional.of("share names sender '" + s.senderId() + "' (x " + s.senderX() + "), the sender is '"
                    + sender.guardianId() + "' (x " + sender.xCoordinate() + ")");
        }
        if (!s.recipientId().equals(recipient.guardianId()) || s.recipientX() != recipient.xCoordinate()) {
            return Optional.of("share from '" + s.senderId() + "' names recipient '" + s.recipientId() + "' (x "
                    + s.recipientX() + "), which does not match guardian '" + recipient.guardianId() + "' (x "
                    + recipient.xCoordinate() + ")");
        }
        if (sender.guardianId().equals(recipient.guardianId())) {
            return Optional.of("guardian '" + s.senderId() + "' sent a share to itself");
        }
        if (!s.verifyNonceProof(group, hp)) {
            return Optional.of("share from '" + s.senderId() + "' to '" + s.recipientId() + "': the proof of its nonce does not verify");
        }
        return Optional.empty();
    }

    /** K = Π K_i over the announcements. */
    public static Element jointKey(List<GuardianAnnouncement> announcements) {
        if (announcements.isEmpty()) {
            throw new IllegalArgumentException("no announcements");
        }
        Element k = announcements.get(0).publicKey().group().identity();
        for (GuardianAnnouncement a : announcements) {
            k = k.multiply(a.publicKey());
        }
        return k;
    }

    /**
     * election_initialized.json from all n announcements: K, H_E = H(H_B; 0x12, K) and the guardians
     * ordered by x-coordinate. The caller has checked each announcement.
     */
    public static ElectionInitialized initialized(ElectionConfig config, List<GuardianAnnouncement> announcements) {
        if (announcements.size() != config.numberOfGuardians()) {
            throw new IllegalArgumentException(announcements.size() + " announcements for " + config.numberOfGuardians()
                    + " guardians");
        }
        if (announcements.stream().map(GuardianAnnouncement::xCoordinate).distinct().count() != announcements.size()) {
            throw new IllegalArgumentException("two announcements share an x-coordinate");
        }
        Element joint = jointKey(announcements);
        HashValue he = ElectionHashes.extendedBaseHash(config.electionBaseHash(), joint);
        List<GuardianAnnouncement> ordered = announcements.stream()
                .sorted(Comparator.comparingInt(GuardianAnnouncement::xCoordinate)).toList();
        return new ElectionInitialized(joint, he, ordered.stream().map(GuardianAnnouncement::toRecord).toList(),
                Map.of("Created by", "Madang key ceremony"));
    }
}
