package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.disclosure.DisclosureDriver.deadline;
import static org.madang.disclosure.DisclosureDriver.ok;
import static org.madang.disclosure.DisclosureDriver.path;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
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
        var requester = People.citizen();
        var citizen = requester.session();
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
        assertThat(People.awaitMail(requester.email(), reference)).as("the requester is asked by mail too")
                .contains("보완", "clarify", "청구 대상 기간을 특정해 주십시오.");
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

    @Test
    void transferMovesTheRequestToTheCompetentAgencyWhoseTenDaysCountFromTheTransfer() {
        UUID first = People.ministry();
        UUID competent = People.ministry();
        var firstOfficial = People.staff("OFFICIAL", first).session();
        var competentOfficial = People.staff("OFFICIAL", competent).session();
        var requester = People.citizen();
        String reference = DisclosureDriver.file(requester.session(), first, false);

        var toSelf = firstOfficial.post(path(reference, "/transfer"), Api.json("agencyId", first.toString(), "reason", "소관 아님"));
        assertThat(toSelf.status()).isEqualTo(400);
        assertThat(toSelf.isProblem()).isTrue();
        var nowhere = firstOfficial.post(path(reference, "/transfer"), Api.json("agencyId", UUID.randomUUID().toString(), "reason", "소관 아님"));
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(competentOfficial.post(path(reference, "/transfer"),
                Api.json("agencyId", competent.toString(), "reason", "가로채기")).status()).isEqualTo(403);

        var moved = ok(firstOfficial.post(path(reference, "/transfer"),
                Api.json("agencyId", competent.toString(), "reason", "해당 자료는 다른 기관이 보유하고 있습니다."))).json();
        assertThat(moved.getJsonObject("agency").getString("id")).isEqualTo(competent.toString());
        assertThat(moved.getJsonObject("transferredFrom").getString("id")).isEqualTo(first.toString());
        assertThat(moved.getString("transferReason")).contains("다른 기관");
        assertThat(moved.getString("status")).isEqualTo("RECEIVED");
        Instant transferredAt = Instant.parse(moved.getString("transferredAt"));
        var decision = deadline(moved, "DECISION");
        var expected = org.madang.platform.clock.CivilPeriods.days(transferredAt, 10,
                org.madang.platform.clock.HolidayCalendar.of(Session.anonymous().get("/api/holidays").array().stream()
                        .map(jakarta.json.JsonObject.class::cast)
                        .map(h -> new org.madang.platform.clock.Holiday(java.time.LocalDate.parse(h.getString("date")),
                                h.getString("nameKo"), h.getString("nameEn"))).toList()), "r", "e", "e");
        assertThat(Instant.parse(decision.getString("startedAt"))).isEqualTo(transferredAt);
        assertThat(java.time.LocalDate.parse(decision.getString("lastDay"))).isEqualTo(expected.lastDay());
        assertThat(decision.getString("explanationKo")).contains("이송");

        assertThat(ok(firstOfficial.get("/api/disclosure/agencies/" + first + "/requests")).body()).doesNotContain(reference);
        assertThat(ok(competentOfficial.get("/api/disclosure/agencies/" + competent + "/requests")).body()).contains(reference);
        assertThat(firstOfficial.post(path(reference, "/acknowledgement")).status()).as("no longer theirs").isEqualTo(403);
        ok(competentOfficial.post(path(reference, "/acknowledgement")));

        assertThat(People.awaitMail(requester.email(), reference)).contains("이송", "transferred");
    }
}
