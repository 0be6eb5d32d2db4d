package org.madang.ballot.record;

import java.util.List;
import java.util.Map;
import org.madang.ballot.group.Element;
import org.madang.ballot.hash.HashValue;

/** election_initialized.json: the outcome of the key ceremony. */
public record ElectionInitialized(Element jointPublicKey, HashValue extendedBaseHash, List<Guardian> guardians,
                                  Map<String, String> metadata) {
    public ElectionInitialized {
        guardians = List.copyOf(guardians);
        metadata = Map.copyOf(metadata);
    }
}
