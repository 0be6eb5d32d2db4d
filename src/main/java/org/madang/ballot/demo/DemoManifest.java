package org.madang.ballot.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;

/**
 * A small manifest in egk-ec's format for demos, samples and tests: a yes/no referendum, a
 * 1-of-n choice and an approval (k-of-n) contest, on two ballot styles.
 */
public final class DemoManifest {

    /** One contest: limit L (votes_allowed) and option limit R. */
    public record ContestSpec(String id, String variation, int limit, int optionLimit, List<String> options, String district) {
    }

    public static final List<ContestSpec> CONTESTS = List.of(
            new ContestSpec("referendum-housing", "yes_no", 1, 1, List.of("yes", "no"), "nation"),
            new ContestSpec("mayor", "one_of_m", 1, 1, List.of("kim", "lee", "park", "choi"), "nation"),
            new ContestSpec("park-projects", "approval", 3, 1, List.of("library", "playground", "bike-lanes", "market", "garden"), "district-east"));

    public static final Map<String, List<String>> STYLES = Map.of(
            "style-all", List.of("nation", "district-east"),
            "style-nation", List.of("nation"));

    private DemoManifest() {
    }

    public static byte[] bytes(String scopeId) {
        return bytes(scopeId, CONTESTS);
    }

    public static byte[] bytes(String scopeId, List<ContestSpec> contests) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("election_scope_id", JsonValue.of(scopeId));
        m.put("spec_version", JsonValue.of("v2.0.0"));
        m.put("type", JsonValue.of("general"));
        m.put("start_date", JsonValue.of("2026-06-03T06:00:00+09:00"));
        m.put("end_date", JsonValue.of("2026-06-03T18:00:00+09:00"));
        List<JsonValue> units = new ArrayList<>();
        for (String u : List.of("nation", "district-east")) {
            units.add(obj("object_id", JsonValue.of(u), "name", JsonValue.of(u), "type", JsonValue.of("municipality")));
        }
        m.put("geopolitical_units", new JsonValue.JsonArray(units));
        List<JsonValue> styles = new ArrayList<>();
        for (String style : List.of("style-all", "style-nation")) {
            styles.add(obj("object_id", JsonValue.of(style), "geopolitical_unit_ids",
                    new JsonValue.JsonArray(STYLES.get(style).stream().map(s -> (JsonValue) JsonValue.of(s)).toList()),
                    "party_ids", new JsonValue.JsonArray(List.of())));
        }
        m.put("ballot_styles", new JsonValue.JsonArray(styles));
        List<JsonValue> contestJson = new ArrayList<>();
        List<JsonValue> candidates = new ArrayList<>();
        int seq = 1;
        for (ContestSpec c : contests) {
            List<JsonValue> selections = new ArrayList<>();
            int so = 1;
            for (String option : c.options()) {
                String candidate = c.id() + "-" + option;
                selections.add(obj("object_id", JsonValue.of(option), "sequence_order", JsonValue.of(so++),
                        "candidate_id", JsonValue.of(candidate)));
                candidates.add(obj("object_id", JsonValue.of(candidate), "is_write_in", JsonValue.of(false)));
            }
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("object_id", JsonValue.of(c.id()));
            cm.put("sequence_order", JsonValue.of(seq++));
            cm.put("electoral_district_id", JsonValue.of(c.district()));
            cm.put("vote_variation", JsonValue.of(c.variation()));
            cm.put("number_elected", JsonValue.of(c.limit()));
            cm.put("votes_allowed", JsonValue.of(c.limit()));
            cm.put("name", JsonValue.of(c.id()));
            cm.put("ballot_selections", new JsonValue.JsonArray(selections));
            cm.put("ballot_title", JsonValue.of(c.id()));
            cm.put("ballot_subtitle", JsonValue.of(""));
            cm.put("option_selection_limit", JsonValue.of(c.optionLimit()));
            contestJson.add(new JsonValue.JsonObject(cm));
        }
        m.put("contests", new JsonValue.JsonArray(contestJson));
        m.put("candidates", new JsonValue.JsonArray(candidates));
        m.put("name", new JsonValue.JsonArray(List.of()));
        m.put("parties", new JsonValue.JsonArray(List.of()));
        return JsonWriter.writeUtf8(new JsonValue.JsonObject(m));
    }

    private static JsonValue obj(Object... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (JsonValue) kv[i + 1]);
        }
        return new JsonValue.JsonObject(m);
    }
}
