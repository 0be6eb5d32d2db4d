package org.madang.ballot.record;

import java.util.List;
import org.madang.ballot.hash.HashValue;

/** encrypted_ballots/DEVICE/ballot_chain.json, present when confirmation codes are chained. */
public record BallotChain(String encryptingDevice, byte[] baux0, HashValue extendedBaseHash, List<String> ballotIds,
                          HashValue lastConfirmationCode, HashValue closingHash) {
    public BallotChain {
        baux0 = baux0.clone();
        ballotIds = List.copyOf(ballotIds);
    }

    @Override
    public byte[] baux0() {
        return baux0.clone();
    }
}
