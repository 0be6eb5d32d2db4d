package org.madang.ballot.decrypt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.JsonFields;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/** A guardian's third message: v_i = u_i − c_i·z_i for its challenges c_i = c·w_i (spec 2.1.0 eq 91–92). */
public record ChallengeResponses(String guardianId, String batchId, List<Scalar> responses) {

    static final String MESSAGE = "challenge_responses";

    public ChallengeResponses {
        responses = List.copyOf(responses);
    }

    public JsonValue toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("message", JsonValue.of(MESSAGE));
        m.put("guardian_id", JsonValue.of(guardianId));
        m.put("batch_id", JsonValue.of(batchId));
        m.put("responses", new JsonValue.JsonArray(responses.stream().map(s -> (JsonValue) RecordJson.scalar(s)).toList()));
        return new JsonValue.JsonObject(m);
    }

    /** Reads the wire form strictly: exactly these members, every response a scalar below q. */
    public static ChallengeResponses fromJson(Group group, JsonValue json) throws RecordFormatException {
        JsonFields f = new JsonFields(json, MESSAGE);
        f.allowOnly("message", "guardian_id", "batch_id", "responses");
        f.expect("message", MESSAGE);
        List<Scalar> responses = f.scalars(group, "responses");
        if (responses.isEmpty()) {
            throw new RecordFormatException(f.at("responses") + ": a batch has at least one ciphertext");
        }
        return new ChallengeResponses(f.string("guardian_id"), f.string("batch_id"), responses);
    }
}
