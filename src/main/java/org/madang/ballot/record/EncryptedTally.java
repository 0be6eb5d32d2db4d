package org.madang.ballot.record;

import java.util.List;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.hash.HashValue;

/** encrypted_tally.json: per option, the product of the cast ballots' ciphertexts. */
public record EncryptedTally(String tallyId, List<Contest> contests, List<String> castBallotIds, HashValue electionId) {

    public record Contest(String contestId, int sequenceOrder, List<Selection> selections) {
        public Contest {
            selections = List.copyOf(selections);
        }
    }

    public record Selection(String selectionId, int sequenceOrder, ElGamalCiphertext ciphertext) {
    }

    public EncryptedTally {
        contests = List.copyOf(contests);
        castBallotIds = List.copyOf(castBallotIds);
    }
}
