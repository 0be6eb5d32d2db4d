package org.madang.ballot.decrypt;

import java.util.List;
import org.madang.ballot.group.Element;
import org.madang.ballot.hash.HashValue;

/**
 * A guardian's first decryption message for a batch of ciphertexts: its partial decryptions
 * M_i = A^(z_i) (spec 2.1.0 eq 84) and the hashes d_i that commit it to its proof commitments
 * (a_i, b_i) before it sees anyone else's (eq 88).
 */
public record PartialDecryptions(String guardianId, int xCoordinate, String batchId, List<Element> shares,
                                 List<HashValue> commitmentHashes) {
    public PartialDecryptions {
        shares = List.copyOf(shares);
        commitmentHashes = List.copyOf(commitmentHashes);
    }
}
