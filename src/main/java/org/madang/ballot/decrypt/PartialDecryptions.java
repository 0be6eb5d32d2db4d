package org.madang.ballot.decrypt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.JsonFields;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/**
 * A guardian's first decryption message for a batch of ciphertexts: its partial decryptions
 * M_i = A^(z_i) (spec 2.1.0 eq 84) and the hashes d_i that commit it to its proof commitments
 * (a_i, b_i) before it sees anyone else's (eq 88).
 */
public record PartialDecryptions(String guardianId, int xCoordinate, String batchId, List<Element> shares,
                                 List<HashValue> commitmentHashes) {

    static final String MESSAGE = "partial_decryptions";

    public PartialDecryptions {
        shares = List.copyOf(shares);
        commitmentHashes = List.copyOf(commitmentHashes);
    }

    public JsonValue toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("message", JsonValue.of(MESSAGE));
        m.put("guardian_id", JsonValue.of(guardianId));
        m.put("x_coordinate", JsonValue.of(xCoordinate));
        m.put("batch_id", JsonValue.of(batchId));
        m.put("shares", new JsonValue.JsonArray(shares.stream().map(e -> (JsonValue) RecordJson.element(e)).toList()));
        m.put("commitment_hashes", new JsonValue.JsonArray(commitmentHashes.stream().map(h -> (JsonValue) RecordJson.hash(h)).toList()));
        return new JsonValue.JsonObject(m);
    }

    /** Reads the wire form strictly: exactly these members, every share a valid group element, one hash per share. */
    public static PartialDecryptions fromJson(Group group, JsonValue json) throws RecordFormatException {
        JsonFields f = new JsonFields(json, MESSAGE);
        f.allowOnly("message", "guardian_id", "x_coordinate", "batch_id", "shares", "commitment_hashes");
        f.expect("message", MESSAGE);
        List<Element> shares = f.elements(group, "shares");
        List<HashValue> hashes = f.hashes("commitment_hashes");
        if (shares.isEmpty()) {
            throw new RecordFormatException(f.at("shares") + ": a batch has at least one ciphertext");
        }
        if (hashes.size() != shares.size()) {
            throw new RecordFormatException(f.at("commitment_hashes") + ": " + hashes.size() + " hashes for "
                    + shares.size() + " shares");
        }
        return new PartialDecryptions(f.string("guardian_id"), f.nonNegative("x_coordinate"), f.string("batch_id"),
                shares, hashes);
    }
}
