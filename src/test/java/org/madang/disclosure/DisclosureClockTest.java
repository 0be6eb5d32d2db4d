package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.disclosure.control.DisclosureClock;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.ExemptionGround;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.platform.clock.KoreanHolidays;

/** The disclosure deadlines on real calendar cases; expected dates worked out by hand from the Act and the Civil Act. */
class DisclosureClockTest {

    private static final HolidayCalendar KOREA = HolidayCalendar.of(KoreanHolidays.Y2025_TO_2027);

    private static Instant seoul(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CivilPeriods.SEOUL).toInstant();
    }

    private static DisclosureRequest receivedAt(String at) {
        return new DisclosureRequest("2026-000001", UUID.randomUUID(), UUID.randomUUID(), "s", "d",
                DisclosureRequest.Form.COPY, false, seoul(at));
    }

    private static LocalDate due(DisclosureRequest r, String kind, Instant now) {
        return DisclosureClock.deadlines(r, KOREA, now).stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow()
                .deadline().lastDay();
    }

    @Test
    void decisionExtendedOnceAcrossSeollal() {
        // Received Mon 2 Feb 2026: days 3–12 Feb, 12 Feb is a Thursday → 12 Feb.
        var r = receivedAt("2026-02-02T11:00");
        assertThat(DisclosureClock.decision(r, KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 2, 12));
        // Extended: 10 days from 13 Feb (00:00, counted) → 22 Feb (Sun) → 23 Feb (Mon); Seollal 16–18 Feb is inside, not at the end.
        r.extend(seoul("2026-02-09T09:00"), "방대한 자료");
        assertThat(DisclosureClock.decision(r, KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 2, 23));
    }

    @Test
    void deemedRefusalThenObjectionThenAppeal() {
        // Received Wed 16 Sep 2026: days 17–26 Sep, 26 Sep is a Saturday of Chuseok → Mon 28 Sep.
        var r = receivedAt("2026-09-16T15:00");
        var decision = DisclosureClock.decision(r, KOREA);
        assertThat(decision.lastDay()).isEqualTo(LocalDate.of(2026, 9, 28));
        r.deemRefused(decision.endsAt());
        // Deemed refused at 00:00 Tue 29 Sep; 30 days from 29 Sep (counted) → 28 Oct (Wed).
        assertThat(due(r, "OBJECTION", decision.endsAt())).isEqualTo(LocalDate.of(2026, 10, 28));
        // Objection Mon 5 Oct 2026 (substitute holiday, filed online): days 6–12 Oct → Mon 12 Oct.
        r.object(seoul("2026-10-05T20:00"), "이의");
        assertThat(due(r, "OBJECTION_DECISION", seoul("2026-10-06T00:00"))).isEqualTo(LocalDate.of(2026, 10, 12));
        // Extended by 7 from 13 Oct (counted) → 19 Oct (Mon).
        r.extendObjection(seoul("2026-10-08T10:00"));
        assertThat(due(r, "OBJECTION_DECISION", seoul("2026-10-08T10:00"))).isEqualTo(LocalDate.of(2026, 10, 19));
        // Objection decided Fri 16 Oct 2026: appeal within 90 days, 17 Oct … 14 Jan 2027 (Thu).
        r.decideObjection(seoul("2026-10-16T16:00"), DisclosureRequest.ObjectionOutcome.DISMISSED, "기각");
        assertThat(due(r, "APPEAL", seoul("2026-10-16T16:00"))).isEqualTo(LocalDate.of(2027, 1, 14));
    }

    @Test
    void overdueOnlyWhileUndecided() {
        var r = receivedAt("2026-03-09T10:00"); // due Thu 19 Mar 2026
        assertThat(DisclosureClock.deadlines(r, KOREA, seoul("2026-03-19T23:59")).get(0).overdue()).isFalse();
        assertThat(DisclosureClock.deadlines(r, KOREA, seoul("2026-03-20T00:00")).get(0).overdue()).isTrue();
        r.decide(seoul("2026-03-20T10:00"), DisclosureRequest.Decision.NOT_DISCLOSED, ExemptionGround.ITEM_4, "수사 중", null);
        assertThat(DisclosureClock.deadlines(r, KOREA, seoul("2026-03-21T00:00")).get(0).overdue()).isFalse();
    }

    @Test
    void thirdPartyWaitIsThirtyDaysFromTheDecision() {
        // Decision to disclose over a third party's objection on Tue 1 Dec 2026: days 2–31 Dec; 31 Dec is a Thursday,
        // so the wait ends at the end of 31 Dec (Christmas inside the period moves nothing).
        assertThat(DisclosureClock.thirdPartyWait(seoul("2026-12-01T10:00"), KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        // From Fri 7 Aug 2026: 8 Aug … 6 Sep (Sun) → Mon 7 Sep.
        assertThat(DisclosureClock.thirdPartyWait(seoul("2026-08-07T10:00"), KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 9, 7));
    }

    @Test
    void thirdPartyHasThreeDaysFromTheNoticeAcrossHolidays() {
        // Notice Wed 23 Sep 2026: 24, 25, 26 Sep; 26 Sep is a Saturday of Chuseok and 27 Sep a Sunday → Mon 28 Sep.
        assertThat(DisclosureClock.thirdPartyObjection(seoul("2026-09-23T10:00"), KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 9, 28));
        // Notice Tue 29 Dec 2026: 30, 31 Dec, 1 Jan 2027 (New Year's Day, Fri), then the weekend → Mon 4 Jan 2027.
        assertThat(DisclosureClock.thirdPartyObjection(seoul("2026-12-29T16:00"), KOREA).lastDay()).isEqualTo(LocalDate.of(2027, 1, 4));
        // Notice Wed 3 Feb 2027: 4, 5, 6 Feb; Seollal 6–8 Feb and its substitute holiday Tue 9 Feb → Wed 10 Feb.
        assertThat(DisclosureClock.thirdPartyObjection(seoul("2027-02-03T09:00"), KOREA).lastDay()).isEqualTo(LocalDate.of(2027, 2, 10));
    }

    @Test
    void disclosureAgainstAThirdPartysObjectionWaitsThirtyDays() {
        var r = receivedAt("2026-09-21T10:00");
        var notice = new ThirdPartyNotice(UUID.randomUUID(), "주식회사 가온", "privacy@gaon.example", "hash", seoul("2026-09-23T10:00"));
        // The three days run to the end of Mon 28 Sep and show among the request's deadlines.
        assertThat(DisclosureClock.thirdPartyMayObject(r, notice, KOREA, seoul("2026-09-28T23:59"))).isTrue();
        assertThat(DisclosureClock.thirdPartyMayObject(r, notice, KOREA, seoul("2026-09-29T00:00"))).isFalse();
        var window = DisclosureClock.deadlines(r, List.of(notice), KOREA, seoul("2026-09-24T10:00")).stream()
                .filter(d -> d.kind().equals("THIRD_PARTY_OBJECTION")).findFirst().orElseThrow();
        assertThat(window.open()).isTrue();
        assertThat(window.deadline().lastDay()).isEqualTo(LocalDate.of(2026, 9, 28));
        // Objected on Chuseok (Fri 25 Sep, online); once objected the window is closed.
        notice.object(seoul("2026-09-25T20:00"), "점검 결과에 당사의 영업상 비밀이 들어 있습니다.");
        assertThat(DisclosureClock.thirdPartyMayObject(r, notice, KOREA, seoul("2026-09-26T10:00"))).isFalse();
        // A refusal needs no wait.
        var refused = receivedAt("2026-09-21T10:00");
        refused.decide(seoul("2026-09-30T10:00"), DisclosureRequest.Decision.NOT_DISCLOSED, ExemptionGround.ITEM_7, "영업상 비밀", null);
        assertThat(DisclosureClock.disclosureWait(refused, List.of(notice), KOREA)).isNull();
        // Disclosed anyway on Wed 30 Sep: 30 days from 1 Oct (Thu) → Fri 30 Oct; the holidays of 3, 5 and 9 Oct are inside.
        r.decide(seoul("2026-09-30T10:00"), DisclosureRequest.Decision.DISCLOSED, null, "공익을 위하여 공개할 필요가 있습니다.", null);
        assertThat(DisclosureClock.disclosureWait(r, List.of(notice), KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 10, 30));
        var wait = DisclosureClock.deadlines(r, List.of(notice), KOREA, seoul("2026-10-30T23:00")).stream()
                .filter(d -> d.kind().equals("DISCLOSURE_WAIT")).findFirst().orElseThrow();
        assertThat(wait.open()).isTrue();
        assertThat(DisclosureClock.deadlines(r, List.of(notice), KOREA, seoul("2026-10-31T00:00")).stream()
                .filter(d -> d.kind().equals("DISCLOSURE_WAIT")).findFirst().orElseThrow().open()).isFalse();
        // Without an objection there is no wait.
        var silent = new ThirdPartyNotice(UUID.randomUUID(), "박서연", "seoyeon@example.org", "hash2", seoul("2026-09-23T10:00"));
        assertThat(DisclosureClock.disclosureWait(r, List.of(silent), KOREA)).isNull();
    }

    @Test
    void clarificationPausesTheDecisionClockFromTheQuestionToTheAnswer() {
        // Received Mon 2 Nov 2026: days 3–12 Nov → Thu 12 Nov.
        var r = receivedAt("2026-11-02T10:00");
        assertThat(due(r, "DECISION", seoul("2026-11-02T10:00"))).isEqualTo(LocalDate.of(2026, 11, 12));
        // Asked to clarify Wed 4 Nov. On Fri 6 Nov, 2 days (5, 6 Nov) are not counted: 12 days from 3 Nov → Sat 14 Nov
        // → Mon 16 Nov. The period is open, never overdue, and says it is paused.
        r.askClarification(seoul("2026-11-04T14:00"), "청구 대상 기간을 특정해 주십시오.");
        var paused = DisclosureClock.deadlines(r, KOREA, seoul("2026-11-06T12:00")).get(0);
        assertThat(paused.deadline().lastDay()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(paused.open()).isTrue();
        assertThat(paused.overdue()).isFalse();
        assertThat(paused.deadline().explanationKo()).contains("멈춰", "2일");
        assertThat(paused.deadline().explanationEn()).contains("paused", "2 day(s)");
        // Answered Mon 9 Nov: 5 days (5–9 Nov) not counted, 15 days from 3 Nov → Tue 17 Nov; the clock runs again.
        r.answerClarification(seoul("2026-11-09T09:00"), "2025년 1월부터 12월까지입니다.", DisclosureClock.daysBetween(
                seoul("2026-11-04T14:00"), seoul("2026-11-09T09:00")));
        assertThat(r.clarificationPausedDays()).isEqualTo(5);
        var resumed = DisclosureClock.deadlines(r, KOREA, seoul("2026-11-20T00:00")).get(0);
        assertThat(resumed.deadline().lastDay()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(resumed.overdue()).isTrue();
        assertThat(resumed.deadline().explanationKo()).contains("5일은 결정기간에 넣지 않았습니다");
        assertThat(DisclosureClock.decision(r, KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 11, 17));
    }

    @Test
    void pausedDeadlineStillEndsOnAWorkingDayAndExtensionCountsFromIt() {
        // Received Mon 21 Sep 2026: 22 Sep – 1 Oct → Thu 1 Oct. Clarification 23 Sep, answered on Chuseok 25 Sep
        // (online): 2 days not counted → 12 days → Sat 3 Oct (National Foundation Day), Sun 4 Oct, Mon 5 Oct
        // (substitute holiday) → Tue 6 Oct.
        var r = receivedAt("2026-09-21T10:00");
        r.askClarification(seoul("2026-09-23T10:00"), "대상 문서를 특정해 주십시오.");
        r.answerClarification(seoul("2026-09-25T21:00"), "회의록입니다.", 2);
        var d = DisclosureClock.decision(r, KOREA);
        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 10, 6));
        assertThat(d.pushedBy()).extracting(p -> p.date()).containsExactly(
                LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5));
        // Extended: 10 days from Wed 7 Oct (00:00, counted) → Fri 16 Oct (Hangeul Day 9 Oct is inside).
        r.extend(seoul("2026-10-02T10:00"), "방대한 자료");
        assertThat(DisclosureClock.decision(r, KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 10, 16));
    }

    @Test
    void transferredRequestIsDecidedWithinTenDaysOfTheTransfer() {
        // Filed Mon 5 Oct 2026 (substitute holiday, online); the first agency's period would end Thu 15 Oct.
        var r = receivedAt("2026-10-05T09:00");
        assertThat(DisclosureClock.decision(r, KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 10, 15));
        r.acknowledge(seoul("2026-10-06T09:00"));
        // Transferred Thu 8 Oct 2026: days 9–18 Oct; 18 Oct is a Sunday → Mon 19 Oct (Hangeul Day 9 Oct is inside).
        r.transfer(seoul("2026-10-08T15:00"), UUID.randomUUID(), "소관 기관이 아님");
        var due = DisclosureClock.deadlines(r, KOREA, seoul("2026-10-08T15:00")).get(0);
        assertThat(due.deadline().lastDay()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(due.deadline().explanationKo()).contains("이송");
        assertThat(due.deadline().explanationEn()).contains("transfer");
        assertThat(r.status()).isEqualTo(DisclosureRequest.Status.RECEIVED);
        assertThat(r.acknowledgedAt()).isNull();
    }
}
