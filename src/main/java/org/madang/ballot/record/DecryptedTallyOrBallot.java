package org.madang.ballot.record;

import java.util.List;
import org.madang.ballot.crypto.ContestDataDecryptionProof;
import org.madang.ballot.crypto.DecryptionProof;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.HashedElGamalCiphertext;
import org.madang.ballot.group.Element;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;

/** tally.json (the election result) or challenged_ballots/dballot-ID.json (an opened challenged ballot). */
public record DecryptedTallyOrBallot(String id, List<Contest> contests, HashValue electionId) {

    /** @param ballotCount as written by egk-ec (0 in its tallies); informational only */
    public record Contest(String contestId, List<Selection> selections, int ballotCount, DecryptedContestData contestData) {
        public Contest {
            selections = List.copyOf(selections);
        }
    }

    /** @param tally t, the decrypted count; @param bOverM T = B / M = K^t */
    public record Selection(String selectionId, int tally, Element bOverM, ElGamalCiphertext ciphertext,
                            DecryptionProof proof) {
    }

    /** Decrypted contest data of a challenged ballot; {@code contestData} is kept as the record's JSON. */
    public record DecryptedContestData(JsonValue contestData, HashedElGamalCiphertext ciphertext,
                                       ContestDataDecryptionProof proof, Element beta) {
    }

    public DecryptedTallyOrBallot {
        contests = List.copyOf(contests);
    }
}
