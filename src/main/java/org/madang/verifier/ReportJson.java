package org.madang.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.verify.Problem;
import org.madang.ballot.verify.StepResult;
import org.madang.ballot.verify.VerificationReport;

/** The machine-readable report written by {@code --json}. */
final class ReportJson {

    private ReportJson() {
    }

    static String write(VerificationReport report) {
        List<JsonValue> steps = new ArrayList<>();
        for (StepResult s : report.steps()) {
            List<JsonValue> problems = new ArrayList<>();
            for (Problem p : s.problems()) {
                Map<String, JsonValue> pm = new LinkedHashMap<>();
                pm.put("check", JsonValue.of(p.check()));
                pm.put("object", JsonValue.of(p.objectId()));
                pm.put("message", JsonValue.of(p.message()));
                problems.add(new JsonValue.JsonObject(pm));
            }
            Map<String, JsonValue> sm = new LinkedHashMap<>();
            // the spec's steps keep their number; Madang's extension steps have none and are named by label ("M1")
            sm.put("step", s.step().madangExtension() ? JsonValue.of(s.step().label()) : JsonValue.of(s.step().number()));
            sm.put("name", JsonValue.of(s.step().name()));
            sm.put("title", JsonValue.of(s.step().title()));
            sm.put("status", JsonValue.of(!s.applicable() ? "NOT_APPLICABLE" : !s.ran() ? "NOT_RUN" : s.passed() ? "PASS" : "FAIL"));
            sm.put("checked", JsonValue.of(s.checked()));
            sm.put("problems", new JsonValue.JsonArray(problems));
            steps.add(new JsonValue.JsonObject(sm));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("record", JsonValue.of(report.recordDirectory()));
        m.put("group", JsonValue.of(report.groupName()));
        m.put("status", JsonValue.of(report.status().name()));
        m.put("encrypted_ballots", JsonValue.of(report.encryptedBallots()));
        m.put("challenged_ballots", JsonValue.of(report.challengedBallots()));
        m.put("steps", new JsonValue.JsonArray(steps));
        m.put("unreadable", new JsonValue.JsonArray(report.unreadable().stream().map(u -> (JsonValue) JsonValue.of(u)).toList()));
        return JsonWriter.write(new JsonValue.JsonObject(m)) + "\n";
    }
}
