package org.madang.ballot.record;

import java.util.Map;
import org.madang.ballot.hash.HashValue;

/** election_config.json: the guardians' numbers and the base hashes derived from constants and manifest. */
public record ElectionConfig(
        String configVersion,
        int numberOfGuardians,
        int quorum,
        HashValue parameterBaseHash,
        HashValue manifestHash,
        HashValue electionBaseHash,
        boolean chainConfirmationCodes,
        byte[] baux0,
        Map<String, String> metadata) {

    public ElectionConfig {
        baux0 = baux0.clone();
        metadata = Map.copyOf(metadata);
    }

    @Override
    public byte[] baux0() {
        return baux0.clone();
    }
}
