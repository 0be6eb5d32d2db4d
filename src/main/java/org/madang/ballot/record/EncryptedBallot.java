package org.madang.ballot.record;

import java.util.List;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.HashedElGamalCiphertext;
import org.madang.ballot.crypto.RangeProof;
import org.madang.ballot.hash.HashValue;

/** encrypted_ballots/DEVICE/eballot-ID.json. */
public record EncryptedBallot(
        String ballotId,
        String ballotStyleId,
        String encryptingDevice,
        long timestamp,
        byte[] codeBaux,
        HashValue confirmationCode,
        HashValue electionId,
        List<Contest> contests,
        BallotState state,
        ElGamalCiphertext encryptedSn,
        boolean isPreencrypt) {

    public record Contest(String contestId, int sequenceOrder, HashValue contestHash, List<Selection> selections,
                          RangeProof proof, HashedElGamalCiphertext contestData) {
        public Contest {
            selections = List.copyOf(selections);
        }
    }

    public record Selection(String selectionId, int sequenceOrder, ElGamalCiphertext ciphertext, RangeProof proof) {
    }

    public EncryptedBallot {
        codeBaux = codeBaux.clone();
        contests = List.copyOf(contests);
    }

    @Override
    public byte[] codeBaux() {
        return codeBaux.clone();
    }
}
