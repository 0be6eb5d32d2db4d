package org.madang.ballot.record;

import java.util.List;
import org.madang.ballot.crypto.SchnorrProof;
import org.madang.ballot.group.Element;

/** A guardian's public part: its x-coordinate and a Schnorr proof per polynomial coefficient commitment. */
public record Guardian(String guardianId, int xCoordinate, List<SchnorrProof> coefficientProofs) {

    public Guardian {
        coefficientProofs = List.copyOf(coefficientProofs);
    }

    /** K_i = K_i0, the commitment to the constant coefficient. */
    public Element publicKey() {
        return coefficientProofs.get(0).commitment();
    }
}
