package org.madang.ballot.decrypt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.JsonFields;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/** A guardian's second message: the proof commitments (a_i, b_i) = (g^(u_i), A^(u_i)) behind its hashes d_i (eq 87). */
public record CommitmentReveal(String guardianId, String batchId, List<Element> a, List<Element> b) {

    static final String MESSAGE = "commitment_reveal";

    public CommitmentReveal {
        a = List.copyOf(a);
        b = List.copyOf(b);
    }

    public JsonValue toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("message", JsonValue.of(MESSAGE));
        m.put("guardian_id", JsonValue.of(guardianId));
        m.put("batch_id", JsonValue.of(batchId));
        m.put("a", new JsonValue.JsonArray(a.stream().map(e -> (JsonValue) RecordJson.element(e)).toList()));
        m.put("b", new JsonValue.JsonArray(b.stream().map(e -> (JsonValue) RecordJson.element(e)).toList()));
        return new JsonValue.JsonObject(m);
    }

    /** Reads the wire form strictly: exactly these members, valid group elements, as many a as b. */
    public static CommitmentReveal fromJson(Group group, JsonValue json) throws RecordFormatException {
        JsonFields f = new JsonFields(json, MESSAGE);
        f.allowOnly("message", "guardian_id", "batch_id", "a", "b");
        f.expect("message", MESSAGE);
        List<Element> a = f.elements(group, "a");
        List<Element> b = f.elements(group, "b");
        if (a.isEmpty()) {
            throw new RecordFormatException(f.at("a") + ": a batch has at least one ciphertext");
        }
        if (a.size() != b.size()) {
            throw new RecordFormatException(f.at("b") + ": " + b.size() + " commitments b for " + a.size() + " commitments a");
        }
        return new CommitmentReveal(f.string("guardian_id"), f.string("batch_id"), a, b);
    }
}
