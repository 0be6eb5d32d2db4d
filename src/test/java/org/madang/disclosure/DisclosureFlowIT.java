package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.disclosure.DisclosureDriver.deadline;
import static org.madang.disclosure.DisclosureDriver.ok;
import static org.madang.disclosure.DisclosureDriver.path;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.People;

/**
 * The steps between filing and deciding, over the API. The server's clock is real time, so the day counts
 * themselves are checked in DisclosureClockTest; here: states, who may act, what the view shows, and that a paused
 * request is not deemed refused when its unpaused period would have ended.
 */
class DisclosureFlowIT {

    @Test
    void clarificationPausesTheRequestUntilTheRequesterAnswers() {
        UUID agency = People.ministry();
        var official = People.staff("OFFICIAL", agency).session();
        var citizen = People.citizen().session();
        String reference = DisclosureDriver.file(citizen, agency, false);
        ok(official.post(path(reference, "/acknowledgement")));
        Instant unpausedEnd = Instant.parse(deadline(ok(citizen.get(path(reference, ""))).json(), "DECISION").getString("endsAt"));

        var tooEarly = citizen.post(path(reference, "/clarification/answer"), Api.json("answer", "묻지도 않았는데"));
        assertThat(tooEarly.status()).isEqualTo(409);
        var blank = official.post(path(reference, "/clarification"), Api.json("question", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.isProblem()).isTrue();

        var asked = ok(official.post(path(reference, "/clarification"), Api.json("question", "청구 대상 기간을 특정해 주십시오."))).json();
        assertThat(asked.getString("status")).isEqualTo("AWAITING_CLARIFICATION");
        assertThat(asked.getString("clarificationQuestion")).isEqualTo("청구 대상 기간을 특정해 주십시오.");
        assertThat(asked.get("clarifiedAt")).as("not answered yet").isIn(null, jakarta.json.JsonValue.NULL);
        var paused = deadline(asked, "DECISION");
        assertThat(paused.getBoolean("open")).isTrue();
        assertThat(paused.getString("explanationKo")).contains("멈춰");
        assertThat(paused.getString("explanationEn")).contains("paused");
        var again = official.post(path(reference, "/clarification"), Api.json("question", "또"));
        assertThat(again.status()).as("one question at a time").isEqualTo(409);

        // a paused request is not refused by the clock when its unpaused period ends
        var run = ok(People.admin().session().post("/api/disclosure/deemed-refusals",
                Api.json("at", unpausedEnd.toString(), "agencyId", agency.toString()))).json();
        assertThat(run.getInt("count")).isZero();

        var stranger = People.citizen().session().post(path(reference, "/clarification/answer"), Api.json("answer", "남의 답"));
        assertThat(stranger.status()).isEqualTo(403);
        var answered = ok(citizen.post(path(reference, "/clarification/answer"), Api.json("answer", "2025년 1월부터 12월까지입니다."))).json();
        assertThat(answered.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(answered.getString("clarificationAnswer")).isEqualTo("2025년 1월부터 12월까지입니다.");
        assertThat(answered.getInt("clarificationPausedDays")).as("asked and answered the same day").isZero();
        assertThat(answered.getBoolean("mine")).isTrue();

        var audit = People.admin().session().get("/api/audit?limit=200");
        assertThat(audit.body()).contains("disclosure.clarificationRequested", "disclosure.clarified");
        assertThat(citizen.get("/api/privacy/me/export").body()).contains("2025년 1월부터 12월까지입니다.");
    }
}
