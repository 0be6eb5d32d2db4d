package org.madang.election.boundary;

import java.util.List;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** Reads trustees' and voters' JSON envelopes with the ballot core's strict reader. */
final class Messages {

    private Messages() {
    }

    static JsonValue.JsonObject object(String body) {
        try {
            if (JsonReader.parse(body, JsonReader.Limits.RECORD) instanceof JsonValue.JsonObject o) return o;
        } catch (JsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "election.badMessage", e.getMessage());
        }
        throw new ProblemException(ProblemType.MALFORMED_REQUEST, "election.badMessage", "expected a JSON object");
    }

    /** The members of {@code name}, an array of objects, each re-serialised as text. */
    static List<String> arrayMember(String body, String name) {
        JsonValue.JsonObject o = object(body);
        if (o.members().size() != 1 || !(o.members().get(name) instanceof JsonValue.JsonArray array)) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "election.badMessage", "expected {\"" + name + "\": [...]}");
        }
        return array.elements().stream().map(JsonWriter::write).toList();
    }
}
