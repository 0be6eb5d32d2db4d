package org.madang.ballot.encrypt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.JsonFields;
import org.madang.ballot.record.RecordFormatException;

/**
 * A voter's choices before encryption, in egk-ec's pballot JSON shape (ballot_id, ballot_style,
 * contests[].selections[].vote, write_ins). Options not listed get 0.
 */
public record PlaintextBallot(String ballotId, String ballotStyleId, List<Contest> contests) {

    /** @param votes option id → votes for it, in ballot order */
    public record Contest(String contestId, Map<String, Integer> votes, List<String> writeIns) {
        public Contest {
            votes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(votes));
            writeIns = List.copyOf(writeIns);
        }

        public int votesFor(String selectionId) {
            return votes.getOrDefault(selectionId, 0);
        }
    }

    public PlaintextBallot {
        contests = List.copyOf(contests);
    }

    public java.util.Optional<Contest> contest(String contestId) {
        return contests.stream().filter(c -> c.contestId().equals(contestId)).findFirst();
    }

    public static PlaintextBallot fromJson(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<Contest> contests = new ArrayList<>();
        for (JsonFields c : f.objects("contests")) {
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (JsonFields s : c.objects("selections")) {
                votes.put(s.string("selection_id"), s.nonNegative("vote"));
            }
            contests.add(new Contest(c.string("contest_id"), votes, c.has("write_ins") ? c.strings("write_ins") : List.of()));
        }
        return new PlaintextBallot(f.string("ballot_id"), f.string("ballot_style"), contests);
    }

    public JsonValue toJson() {
        List<JsonValue> contests = new ArrayList<>();
        for (Contest c : this.contests) {
            List<JsonValue> selections = new ArrayList<>();
            c.votes().forEach((id, vote) -> {
                Map<String, JsonValue> s = new LinkedHashMap<>();
                s.put("selection_id", JsonValue.of(id));
                s.put("vote", JsonValue.of(vote));
                selections.add(new JsonValue.JsonObject(s));
            });
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("contest_id", JsonValue.of(c.contestId()));
            cm.put("selections", new JsonValue.JsonArray(selections));
            cm.put("write_ins", new JsonValue.JsonArray(c.writeIns().stream().map(w -> (JsonValue) JsonValue.of(w)).toList()));
            contests.add(new JsonValue.JsonObject(cm));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("ballot_id", JsonValue.of(ballotId));
        m.put("ballot_style", JsonValue.of(ballotStyleId));
        m.put("contests", new JsonValue.JsonArray(contests));
        return new JsonValue.JsonObject(m);
    }
}
