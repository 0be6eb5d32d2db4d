package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.disclosure.DisclosureDriver.deadline;
import static org.madang.disclosure.DisclosureDriver.lastDay;
import static org.madang.disclosure.DisclosureDriver.ok;
import static org.madang.disclosure.DisclosureDriver.path;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.Deadline;
import org.madang.platform.clock.Holiday;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;

/**
 * A request through the statutory clock over the API. Expected dates are computed here with the Civil Act counting
 * of {@link CivilPeriods} (whose own cases are checked against hand-worked dates in CivilPeriodsTest) from the
 * holiday calendar the server publishes, and each step must show exactly those.
 */
class DisclosureClockIT {

    private static Session admin() {
        return People.admin().session();
    }

    private static HolidayCalendar calendar() {
        var list = Session.anonymous().get("/api/holidays").array().stream().map(JsonObject.class::cast)
                .map(h -> new Holiday(LocalDate.parse(h.getString("date")), h.getString("nameKo"), h.getString("nameEn"))).toList();
        return HolidayCalendar.of(list);
    }

    private static Deadline expected(String start, int days) {
        return CivilPeriods.days(Instant.parse(start), days, calendar(), "r", "e", "e");
    }

    private static void assertDeadline(JsonObject request, String kind, Deadline expected) {
        var shown = deadline(request, kind);
        assertThat(LocalDate.parse(shown.getString("lastDay"))).as(kind + " in " + request).isEqualTo(expected.lastDay());
        assertThat(Instant.parse(shown.getString("endsAt"))).isEqualTo(expected.endsAt());
        assertThat(shown.getString("explanationKo")).contains(expected.lastDay().toString(), "민법");
        assertThat(shown.getString("explanationEn")).contains(expected.lastDay().toString(), "Civil Act");
    }

    private record Agency(UUID id, Session official, String officialEmail) {
    }

    private static Agency agency() {
        UUID id = People.ministry();
        var official = People.staff("OFFICIAL", id);
        return new Agency(id, official.session(), official.email());
    }

    @Test
    void receiptExtensionDecisionObjectionAndObjectionDecisionEachShowTheirDeadline() {
        var agency = agency();
        var citizen = People.citizen().session();
        String reference = DisclosureDriver.file(citizen, agency.id(), false);
        assertThat(reference).matches("\\d{4}-\\d{6}");

        var received = ok(citizen.get(path(reference, ""))).json();
        String receivedAt = received.getString("receivedAt");
        var firstPeriod = expected(receivedAt, 10);
        assertDeadline(received, "DECISION", firstPeriod);
        assertThat(deadline(received, "DECISION").getBoolean("open")).isTrue();

        ok(agency.official().post(path(reference, "/acknowledgement")));
        var extended = ok(agency.official().post(path(reference, "/extension"), Api.json("reason", "청구 대상 문서가 많아 검토에 시간이 필요함"))).json();
        var extendedPeriod = CivilPeriods.days(firstPeriod.endsAt(), 10, calendar(), "r", "e", "e");
        assertDeadline(extended, "DECISION", extendedPeriod);
        assertThat(extended.getString("extensionReason")).contains("검토");
        var again = agency.official().post(path(reference, "/extension"), Api.json("reason", "한 번 더"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        var noGround = agency.official().post(path(reference, "/decision"),
                Api.json("decision", "PARTLY_DISCLOSED", "reason", "개인정보 포함", "redactions", "참석자 성명"));
        assertThat(noGround.status()).isEqualTo(400);
        assertThat(ok(citizen.get(path(reference, ""))).json().getString("status")).isEqualTo("ACKNOWLEDGED");

        var decided = ok(agency.official().post(path(reference, "/decision"), Api.json("decision", "PARTLY_DISCLOSED",
                "ground", "ITEM_6", "reason", "참석자 개인정보 포함", "redactions", "참석자 성명과 연락처"))).json();
        assertThat(decided.getString("status")).isEqualTo("DECIDED");
        assertThat(decided.getJsonObject("ground").getInt("item")).isEqualTo(6);
        assertThat(deadline(decided, "DECISION").getBoolean("open")).isFalse();
        assertDeadline(decided, "OBJECTION", expected(decided.getString("decidedAt"), 30));
        assertDeadline(decided, "APPEAL", expected(decided.getString("decidedAt"), 90));

        var objected = ok(citizen.post(path(reference, "/objection"), Api.json("text", "성명을 가리고 나머지는 공개할 수 있습니다."))).json();
        assertThat(objected.getString("status")).isEqualTo("OBJECTED");
        var firstObjectionPeriod = expected(objected.getString("objectedAt"), 7);
        assertDeadline(objected, "OBJECTION_DECISION", firstObjectionPeriod);

        var objectionExtended = ok(agency.official().post(path(reference, "/objection/extension"), Api.json("reason", "제3자 의견 청취"))).json();
        assertDeadline(objectionExtended, "OBJECTION_DECISION", CivilPeriods.days(firstObjectionPeriod.endsAt(), 7, calendar(), "r", "e", "e"));

        var objectionDecided = ok(agency.official().post(path(reference, "/objection/decision"),
                Api.json("outcome", "PARTLY_UPHELD", "reason", "연락처만 비공개"))).json();
        assertThat(objectionDecided.getString("status")).isEqualTo("OBJECTION_DECIDED");
        assertThat(deadline(objectionDecided, "OBJECTION_DECISION").getBoolean("open")).isFalse();
        assertDeadline(objectionDecided, "APPEAL", expected(objectionDecided.getString("objectionDecidedAt"), 90));

        var audit = admin().get("/api/audit?limit=200");
        assertThat(audit.body()).contains("disclosure:" + reference, "disclosure.extended", "disclosure.objectionDecided");
    }

    @Test
    void noDecisionByTheEndOfThePeriodIsADeemedRefusal() {
        var agency = agency();
        var citizen = People.citizen().session();
        String reference = DisclosureDriver.file(citizen, agency.id(), false);
        var request = ok(citizen.get(path(reference, ""))).json();
        Instant endsAt = Instant.parse(deadline(request, "DECISION").getString("endsAt"));

        var early = ok(admin().post("/api/disclosure/deemed-refusals",
                Api.json("at", endsAt.minusSeconds(1).toString(), "agencyId", agency.id().toString()))).json();
        assertThat(early.getInt("count")).isZero();
        assertThat(ok(citizen.get(path(reference, ""))).json().getString("status")).isEqualTo("RECEIVED");

        var due = ok(admin().post("/api/disclosure/deemed-refusals",
                Api.json("at", endsAt.toString(), "agencyId", agency.id().toString()))).json();
        assertThat(due.getInt("count")).isEqualTo(1);
        var refused = ok(citizen.get(path(reference, ""))).json();
        assertThat(refused.getString("status")).isEqualTo("DEEMED_REFUSED");
        assertThat(refused.getBoolean("deemedRefusal")).isTrue();
        assertThat(Instant.parse(refused.getString("decidedAt"))).isEqualTo(endsAt);
        // The 30 days to object start at 00:00 after the period, so that first day counts.
        assertDeadline(refused, "OBJECTION", CivilPeriods.days(endsAt, 30, calendar(), "r", "e", "e"));
        assertThat(deadline(refused, "OBJECTION").getString("explanationEn")).contains("first day counts");
        ok(citizen.post(path(reference, "/objection"), Api.json("text", "기간 안에 결정하지 않았습니다.")));

        var decideLate = agency.official().post(path(reference, "/decision"), Api.json("decision", "DISCLOSED"));
        assertThat(decideLate.status()).isEqualTo(409);
    }

    @Test
    void addingAHolidayMovesOpenDeadlinesOnThatDayAndNoOthers() {
        var agency = agency();
        var citizen = People.citizen().session();
        String open = DisclosureDriver.file(citizen, agency.id(), false);
        String objected = DisclosureDriver.objected(citizen, agency.official(), agency.id());
        LocalDate due = lastDay(ok(citizen.get(path(open, ""))).json(), "DECISION");
        LocalDate objectionDue = lastDay(ok(citizen.get(path(objected, ""))).json(), "OBJECTION_DECISION");
        if (objectionDue.equals(due)) throw new AssertionError("7 and 10 days from today cannot end on the same day");

        var added = admin().post("/api/holidays", Api.json("date", due.toString(), "nameKo", "임시공휴일", "nameEn", "Temporary holiday"));
        try {
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            var moved = ok(citizen.get(path(open, ""))).json();
            LocalDate next = due.plusDays(1);
            while (!calendar().isWorkingDay(next)) next = next.plusDays(1);
            assertThat(lastDay(moved, "DECISION")).isEqualTo(next);
            assertThat(deadline(moved, "DECISION").getJsonArray("pushedBy").getJsonObject(0).getString("reasonEn")).contains("Temporary holiday");
            assertThat(lastDay(ok(citizen.get(path(objected, ""))).json(), "OBJECTION_DECISION")).isEqualTo(objectionDue);
            var queue = ok(agency.official().get("/api/disclosure/agencies/" + agency.id() + "/requests")).array();
            assertThat(queue.toString()).contains(next.toString());
        } finally {
            assertThat(admin().delete("/api/holidays/" + due).status()).isEqualTo(204);
        }
        assertThat(lastDay(ok(citizen.get(path(open, ""))).json(), "DECISION")).isEqualTo(due);
    }

    @Test
    void officialsAreRemindedTwoWorkingDaysBeforeTheDeadlineOnce() {
        var agency = agency();
        String reference = DisclosureDriver.file(People.citizen().session(), agency.id(), false);
        LocalDate due = lastDay(ok(agency.official().get(path(reference, ""))).json(), "DECISION");
        LocalDate remindOn = calendar().workingDaysBefore(due, 2);
        Instant dayBefore = remindOn.minusDays(1).atTime(9, 0).atZone(CivilPeriods.SEOUL).toInstant();
        Instant onTheDay = remindOn.atTime(9, 0).atZone(CivilPeriods.SEOUL).toInstant();

        assertThat(ok(admin().post("/api/disclosure/reminders", Api.json("at", dayBefore.toString(), "agencyId", agency.id().toString())))
                .json().getInt("count")).isZero();
        assertThat(ok(admin().post("/api/disclosure/reminders", Api.json("at", onTheDay.toString(), "agencyId", agency.id().toString())))
                .json().getInt("count")).isEqualTo(1);
        String mail = People.awaitMail(agency.officialEmail(), reference);
        assertThat(mail).contains(due.toString());
        assertThat(ok(admin().post("/api/disclosure/reminders", Api.json("at", onTheDay.plusSeconds(3600).toString(), "agencyId", agency.id().toString())))
                .json().getInt("count")).isZero();
    }

    @Test
    void thePublicViewNeverShowsWhoAskedAndPrivateRequestsAreNotPublic() {
        var agency = agency();
        var requester = People.citizen();
        var me = requester.session().get("/api/me").json();
        String publicOne = DisclosureDriver.file(requester.session(), agency.id(), false);
        String privateOne = DisclosureDriver.file(requester.session(), agency.id(), true);

        for (var reply : new Api.Reply[] {Session.anonymous().get(path(publicOne, "")), Session.anonymous().get("/api/disclosure/requests"),
                People.citizen().session().get(path(publicOne, "")), agency.official().get(path(publicOne, "")),
                agency.official().get("/api/disclosure/agencies/" + agency.id() + "/requests")}) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).doesNotContain(requester.email(), me.getString("displayName"), requester.id().toString());
        }
        assertThat(Session.anonymous().get("/api/disclosure/requests").body()).contains(publicOne).doesNotContain(privateOne);
        assertThat(Session.anonymous().get(path(privateOne, "")).status()).isEqualTo(404);
        assertThat(People.citizen().session().get(path(privateOne, "")).status()).isEqualTo(404);
        assertThat(agency().official().get(path(privateOne, "")).status()).isEqualTo(404);
        var own = ok(requester.session().get(path(privateOne, ""))).json();
        assertThat(own.getBoolean("mine")).isTrue();
        assertThat(own.getBoolean("stayPrivate")).isTrue();
        ok(agency.official().get(path(privateOne, "")));
        assertThat(requester.session().get("/api/disclosure/requests/mine").body()).contains(publicOne, privateOne);
    }

    @Test
    void anOfficialOfAnotherAgencyCannotActOrReadTheQueue() {
        var home = agency();
        var other = agency();
        var citizen = People.citizen().session();
        String reference = DisclosureDriver.file(citizen, home.id(), false);
        for (String suffix : new String[] {"/acknowledgement", "/decision", "/extension"}) {
            var reply = other.official().post(path(reference, suffix),
                    suffix.equals("/decision") ? Api.json("decision", "DISCLOSED") : suffix.equals("/extension") ? Api.json("reason", "x") : null);
            assertThat(reply.status()).as(suffix + " " + reply).isEqualTo(403);
            assertThat(reply.isProblem()).isTrue();
        }
        assertThat(other.official().get("/api/disclosure/agencies/" + home.id() + "/requests").status()).isEqualTo(403);
        var objection = People.citizen().session().post(path(reference, "/objection"), Api.json("text", "남의 청구"));
        assertThat(objection.status()).isEqualTo(403);
        assertThat(ok(citizen.get(path(reference, ""))).json().getString("status")).isEqualTo("RECEIVED");
    }

    @Test
    void badInputIsRefusedWithProblemJsonAndWritesNothing() {
        var agency = agency();
        var requester = People.citizen().session();
        String[] bad = {
                Api.json("agencyId", agency.id().toString(), "subject", "", "description", "d", "preferredForm", "COPY"),
                Api.json("agencyId", agency.id().toString(), "subject", "s".repeat(201), "description", "d", "preferredForm", "COPY"),
                Api.json("agencyId", agency.id().toString(), "subject", "s", "description", "d".repeat(4001), "preferredForm", "COPY"),
                Api.json("agencyId", agency.id().toString(), "subject", "s", "description", "d", "preferredForm", "FAX"),
                Api.json("agencyId", "not-a-uuid", "subject", "s", "description", "d", "preferredForm", "COPY"),
                Api.json("subject", "s", "description", "d", "preferredForm", "COPY"),
                "{\"agencyId\": ", "[]", "null"};
        for (String body : bad) {
            var reply = requester.post("/api/disclosure/requests", body);
            assertThat(reply.status()).as(body + " → " + reply).isBetween(400, 499);
            assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        }
        var unknownAgency = requester.post("/api/disclosure/requests", DisclosureDriver.requestBody(UUID.randomUUID(), false));
        assertThat(unknownAgency.status()).isEqualTo(404);
        assertThat(requester.get("/api/disclosure/requests/mine").array()).isEmpty();

        String reference = DisclosureDriver.file(requester, agency.id(), false);
        String[] badDecisions = {
                Api.json("decision", "NOT_DISCLOSED", "reason", "이유만"),
                Api.json("decision", "NOT_DISCLOSED", "ground", "ITEM_9", "reason", "없는 호"),
                Api.json("decision", "NOT_DISCLOSED", "ground", "ITEM_1"),
                Api.json("decision", "DISCLOSED", "ground", "ITEM_1"),
                Api.json("decision", "PARTLY_DISCLOSED", "ground", "ITEM_6", "reason", "개인정보"),
                Api.json("decision", "MAYBE")};
        for (String body : badDecisions) {
            var reply = agency.official().post(path(reference, "/decision"), body);
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        }
        var unchanged = ok(requester.get(path(reference, ""))).json();
        assertThat(unchanged.getString("status")).isEqualTo("RECEIVED");
        assertThat(unchanged.get("decision")).isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(Session.anonymous().get("/api/disclosure/requests/not-a-reference").status()).isEqualTo(404);
        assertThat(Session.anonymous().get("/api/disclosure/requests/1999-999999").status()).isEqualTo(404);
        var badHoliday = admin().post("/api/holidays", Api.json("date", "2026-02-30", "nameKo", "없는 날", "nameEn", "No such day"));
        assertThat(badHoliday.status()).isEqualTo(400);
        var badRun = admin().post("/api/disclosure/deemed-refusals", Api.json("at", "yesterday"));
        assertThat(badRun.status()).isEqualTo(400);
    }
}
