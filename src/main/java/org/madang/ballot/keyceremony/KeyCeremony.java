package org.madang.ballot.keyceremony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;

/**
 * Runs a key ceremony among guardians in one process, passing exactly the messages a server
 * would relay (each one serialised to JSON and read back, as over the wire). For tests, demos
 * and sample records; a real election runs each {@link KeyCeremonyGuardian} on its trustee's machine.
 */
public final class KeyCeremony {

    /** The public outcome and each guardian's secret share (to be handed to its trustee only). */
    public record Result(ElectionInitialized initialized, List<DecryptingTrustee> trustees) {
        public Result {
            trustees = List.copyOf(trustees);
        }
    }

    private KeyCeremony() {
    }

    public static Result run(Group group, ElectionConfig config, SecureRandom random) throws KeyCeremonyException {
        int n = config.numberOfGuardians();
        int k = config.quorum();
        HashValue hp = config.parameterBaseHash();
        List<KeyCeremonyGuardian> guardians = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            guardians.add(new KeyCeremonyGuardian(group, hp, "guardian" + i, i, n, k, random));
        }
        try {
            for (KeyCeremonyGuardian sender : guardians) {
                GuardianAnnouncement wire = GuardianAnnouncement.fromJson(group, sender.announcement().toJson());
                for (KeyCeremonyGuardian receiver : guardians) {
                    if (receiver != sender) {
                        receiver.receive(wire);
                    }
                }
            }
            for (KeyCeremonyGuardian sender : guardians) {
                for (KeyCeremonyGuardian receiver : guardians) {
                    if (receiver != sender) {
                        receiver.receive(EncryptedKeyShare.fromJson(group, sender.shareFor(receiver.guardianId()).toJson()));
                    }
                }
            }
        } catch (org.madang.ballot.record.RecordFormatException e) {
            throw new KeyCeremonyException("a message did not survive its JSON form: " + e.getMessage());
        }
        Element joint = CeremonyRelay.jointKey(guardians.stream().map(KeyCeremonyGuardian::announcement).toList());
        for (KeyCeremonyGuardian g : guardians) {
            // every guardian checks that the record's key is the one it computed itself
            if (!g.jointPublicKey().equals(joint)) {
                throw new KeyCeremonyException("guardian '" + g.guardianId() + "' computed a different joint key");
            }
        }
        ElectionInitialized init = CeremonyRelay.initialized(config,
                guardians.stream().map(KeyCeremonyGuardian::announcement).toList());
        return new Result(init, guardians.stream().map(KeyCeremonyGuardian::trustee).toList());
    }
}
