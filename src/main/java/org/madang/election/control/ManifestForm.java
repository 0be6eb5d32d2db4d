package org.madang.election.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.platform.error.ProblemException.FieldError;

/**
 * The ballot as an administrator defines it, in Korean and English. The server derives egk-ec's manifest.json from
 * it (whose hash H_M binds every ballot); the form itself is published beside it so that names can be shown.
 */
public record ManifestForm(List<District> districts, List<Style> ballotStyles, List<Contest> contests) {

    public enum Kind { REFERENDUM, ONE_OF_N, K_OF_N, APPROVAL }

    public record District(String id, String nameKo, String nameEn) {
    }

    public record Style(String id, List<String> districtIds) {
    }

    public record Contest(String id, Kind kind, String titleKo, String titleEn, String districtId, Integer limit,
                          List<Option> options) {
    }

    public record Option(String id, String nameKo, String nameEn, String descriptionKo, String descriptionEn) {
    }

    public static final int MAX_CONTESTS = 50, MAX_OPTIONS = 100, MAX_DISTRICTS = 300, MAX_NAME = 200, MAX_DESCRIPTION = 2000;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    /** The contest limit L the kind implies (k-of-n states its own). */
    public static int limitOf(Contest c) {
        return switch (c.kind()) {
            case REFERENDUM, ONE_OF_N -> 1;
            case APPROVAL -> c.options().size();
            case K_OF_N -> c.limit() == null ? 0 : c.limit();
        };
    }

    /** Every problem of the form, each named by its path (e.g. {@code contests[0].options[1].id}). */
    public List<FieldError> problems() {
        List<FieldError> out = new ArrayList<>();
        if (districts == null || districts.isEmpty() || districts.size() > MAX_DISTRICTS) {
            out.add(new FieldError("districts", "manifest.count", 1, MAX_DISTRICTS));
        }
        if (ballotStyles == null || ballotStyles.isEmpty() || ballotStyles.size() > MAX_DISTRICTS) {
            out.add(new FieldError("ballotStyles", "manifest.count", 1, MAX_DISTRICTS));
        }
        if (contests == null || contests.isEmpty() || contests.size() > MAX_CONTESTS) {
            out.add(new FieldError("contests", "manifest.count", 1, MAX_CONTESTS));
        }
        if (!out.isEmpty()) return out;
        Set<String> districtIds = new HashSet<>();
        for (int i = 0; i < districts.size(); i++) {
            District d = districts.get(i);
            String at = "districts[" + i + "]";
            if (d == null) { out.add(new FieldError(at, "manifest.missing")); continue; }
            id(out, at + ".id", d.id(), districtIds);
            name(out, at + ".nameKo", d.nameKo(), MAX_NAME, true);
            name(out, at + ".nameEn", d.nameEn(), MAX_NAME, true);
        }
        Set<String> styleIds = new HashSet<>();
        for (int i = 0; i < ballotStyles.size(); i++) {
            Style s = ballotStyles.get(i);
            String at = "ballotStyles[" + i + "]";
            if (s == null) { out.add(new FieldError(at, "manifest.missing")); continue; }
            id(out, at + ".id", s.id(), styleIds);
            if (s.districtIds() == null || s.districtIds().isEmpty()) {
                out.add(new FieldError(at + ".districtIds", "manifest.count", 1, MAX_DISTRICTS));
            } else if (!districtIds.containsAll(s.districtIds()) || new HashSet<>(s.districtIds()).size() != s.districtIds().size()) {
                out.add(new FieldError(at + ".districtIds", "manifest.unknownDistrict"));
            }
        }
        Set<String> contestIds = new HashSet<>();
        for (int i = 0; i < contests.size(); i++) {
            Contest c = contests.get(i);
            String at = "contests[" + i + "]";
            if (c == null) { out.add(new FieldError(at, "manifest.missing")); continue; }
            id(out, at + ".id", c.id(), contestIds);
            name(out, at + ".titleKo", c.titleKo(), MAX_NAME, true);
            name(out, at + ".titleEn", c.titleEn(), MAX_NAME, true);
            if (c.kind() == null) out.add(new FieldError(at + ".kind", "manifest.missing"));
            if (c.districtId() == null || !districtIds.contains(c.districtId())) {
                out.add(new FieldError(at + ".districtId", "manifest.unknownDistrict"));
            }
            if (c.options() == null || c.options().size() < 2 || c.options().size() > MAX_OPTIONS) {
                out.add(new FieldError(at + ".options", "manifest.count", 2, MAX_OPTIONS));
                continue;
            }
            Set<String> optionIds = new HashSet<>();
            for (int j = 0; j < c.options().size(); j++) {
                Option o = c.options().get(j);
                String oat = at + ".options[" + j + "]";
                if (o == null) { out.add(new FieldError(oat, "manifest.missing")); continue; }
                id(out, oat + ".id", o.id(), optionIds);
                name(out, oat + ".nameKo", o.nameKo(), MAX_NAME, true);
                name(out, oat + ".nameEn", o.nameEn(), MAX_NAME, true);
                name(out, oat + ".descriptionKo", o.descriptionKo(), MAX_DESCRIPTION, false);
                name(out, oat + ".descriptionEn", o.descriptionEn(), MAX_DESCRIPTION, false);
            }
            if (c.kind() == Kind.REFERENDUM && !optionIds.equals(Set.of("yes", "no"))) {
                out.add(new FieldError(at + ".options", "manifest.referendumOptions"));
            }
            if (c.kind() == Kind.K_OF_N && (c.limit() == null || c.limit() < 2 || c.limit() > c.options().size() - 1)) {
                out.add(new FieldError(at + ".limit", "manifest.kOfNLimit", 2, c.options().size() - 1));
            }
        }
        if (out.isEmpty()) {
            // every contest must appear on some ballot, or nobody could vote in it
            Set<String> covered = new HashSet<>();
            ballotStyles.forEach(s -> covered.addAll(s.districtIds()));
            for (int i = 0; i < contests.size(); i++) {
                if (!covered.contains(contests.get(i).districtId())) {
                    out.add(new FieldError("contests[" + i + "].districtId", "manifest.uncoveredDistrict"));
                }
            }
        }
        return out;
    }

    private static void id(List<FieldError> out, String field, String value, Set<String> seen) {
        if (value == null || !ID.matcher(value).matches()) {
            out.add(new FieldError(field, "manifest.id"));
        } else if (!seen.add(value)) {
            out.add(new FieldError(field, "manifest.duplicateId", value));
        }
    }

    private static void name(List<FieldError> out, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) out.add(new FieldError(field, "manifest.missing"));
        } else if (value.length() > max || value.chars().anyMatch(ch -> ch < 0x20 && ch != '\n')) {
            out.add(new FieldError(field, "manifest.text", max));
        }
    }

    /** The contests a ballot style carries: those of the districts it names, in manifest order. */
    public List<Contest> contestsOf(String styleId) {
        Style style = ballotStyles.stream().filter(s -> s.id().equals(styleId)).findFirst().orElseThrow();
        return contests.stream().filter(c -> style.districtIds().contains(c.districtId())).toList();
    }

    /** The first ballot style that names {@code districtId}, if any: a voter of that district gets that ballot. */
    public String styleFor(String districtId) {
        return ballotStyles.stream().filter(s -> s.districtIds().contains(districtId)).map(Style::id).findFirst().orElse(null);
    }

    /** egk-ec's manifest.json (spec 2.1 section 3.1.3), written from the validated form. */
    public byte[] toElectionGuardManifest(String electionScopeId, String startDate, String endDate) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("election_scope_id", JsonValue.of(electionScopeId));
        m.put("spec_version", JsonValue.of("v2.1.0"));
        m.put("type", JsonValue.of("general"));
        m.put("start_date", JsonValue.of(startDate));
        m.put("end_date", JsonValue.of(endDate));
        m.put("geopolitical_units", array(districts.stream().map(d -> object("object_id", d.id(),
                "name", d.nameKo() + " / " + d.nameEn(), "type", "municipality")).toList()));
        m.put("ballot_styles", array(ballotStyles.stream().map(s -> {
            Map<String, JsonValue> o = new LinkedHashMap<>();
            o.put("object_id", JsonValue.of(s.id()));
            o.put("geopolitical_unit_ids", array(s.districtIds().stream().map(d -> (JsonValue) JsonValue.of(d)).toList()));
            o.put("party_ids", array(List.of()));
            return (JsonValue) new JsonValue.JsonObject(o);
        }).toList()));
        List<JsonValue> contestJson = new ArrayList<>();
        List<JsonValue> candidates = new ArrayList<>();
        for (int i = 0; i < contests.size(); i++) {
            Contest c = contests.get(i);
            List<JsonValue> selections = new ArrayList<>();
            for (int j = 0; j < c.options().size(); j++) {
                Option o = c.options().get(j);
                String candidate = c.id() + "-" + o.id();
                Map<String, JsonValue> s = new LinkedHashMap<>();
                s.put("object_id", JsonValue.of(o.id()));
                s.put("sequence_order", JsonValue.of(j + 1));
                s.put("candidate_id", JsonValue.of(candidate));
                selections.add(new JsonValue.JsonObject(s));
                candidates.add(object("object_id", candidate, "name", o.nameKo() + " / " + o.nameEn()));
            }
            int limit = limitOf(c);
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("object_id", JsonValue.of(c.id()));
            cm.put("sequence_order", JsonValue.of(i + 1));
            cm.put("electoral_district_id", JsonValue.of(c.districtId()));
            cm.put("vote_variation", JsonValue.of(switch (c.kind()) {
                case REFERENDUM -> "yes_no";
                case ONE_OF_N -> "one_of_m";
                case K_OF_N -> "n_of_m";
                case APPROVAL -> "approval";
            }));
            cm.put("number_elected", JsonValue.of(limit));
            cm.put("votes_allowed", JsonValue.of(limit));
            cm.put("name", JsonValue.of(c.titleKo() + " / " + c.titleEn()));
            cm.put("ballot_selections", array(selections));
            cm.put("ballot_title", JsonValue.of(c.titleKo()));
            cm.put("ballot_subtitle", JsonValue.of(c.titleEn()));
            cm.put("option_selection_limit", JsonValue.of(1));
            contestJson.add(new JsonValue.JsonObject(cm));
        }
        m.put("contests", array(contestJson));
        m.put("candidates", array(candidates));
        m.put("name", array(List.of()));
        m.put("parties", array(List.of()));
        return JsonWriter.writeUtf8(new JsonValue.JsonObject(m));
    }

    private static JsonValue array(List<JsonValue> items) {
        return new JsonValue.JsonArray(items);
    }

    private static JsonValue object(String... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], JsonValue.of(kv[i + 1]));
        return new JsonValue.JsonObject(m);
    }
}
