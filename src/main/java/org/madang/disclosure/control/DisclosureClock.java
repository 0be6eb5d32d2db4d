package org.madang.disclosure.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequest.Decision;
import org.madang.disclosure.entity.DisclosureRequest.Status;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.Deadline;
import org.madang.platform.clock.HolidayCalendar;

/**
 * A request's deadlines, computed from its events and the current holiday calendar. Choices the Act leaves open:
 * <ul>
 *   <li>An extension (Art. 11(2)) adds 10 days counted from the end of the first period: it starts at 00:00 of the
 *   next day, so that day counts (Civil Act Art. 157 proviso).</li>
 *   <li>A deemed refusal happens when the (extended) decision period ends; the 30 days to object count from then.</li>
 *   <li>Asking the requester to clarify (보완 요청) stops the decision clock: the days from the day of the question to
 *   the day of the answer are not counted (the day of the question has already run; counting resumes the day after
 *   the answer, the first day not being counted). The paused days are added to the first period's 10 days, so the
 *   period still starts at receipt and the explanation says how many days were left out and why. While an answer is
 *   awaited the deadline moves one day later each day.</li>
 *   <li>A transferred request (Art. 11(4)) is decided by the receiving agency within 10 days of the transfer.</li>
 *   <li>A third party's 3 days to ask for non-disclosure (Art. 21(1)) count from the day the notice was sent by
 *   e-mail; the decision period keeps running meanwhile (an extension may be used for it).</li>
 *   <li>After a decision to disclose, wholly or partly, against a third party's objection, the disclosure may be
 *   carried out only when the 30 days counted from the decision have ended (Art. 21(3)).</li>
 * </ul>
 */
public final class DisclosureClock {

    /** One deadline of a request: which rule, the computed end with its explanation, whether it still runs. */
    public record Due(String kind, Deadline deadline, boolean open, boolean overdue) {
    }

    private DisclosureClock() {
    }

    /** The decision deadline counting the pauses of answered clarification rounds only (no "now" to end an open one). */
    public static Deadline decision(DisclosureRequest r, HolidayCalendar calendar) {
        return decision(r, calendar, r.clarificationPausedDays(), false);
    }

    /** The decision deadline as of {@code now}: an unanswered clarification round pauses the clock up to today. */
    public static Deadline decision(DisclosureRequest r, HolidayCalendar calendar, Instant now) {
        return decision(r, calendar, pausedDays(r, now), r.awaitingClarification());
    }

    private static Deadline decision(DisclosureRequest r, HolidayCalendar calendar, int paused, boolean stillPaused) {
        if (paused == 0 && !stillPaused && r.transferredAt() == null) return decision(r.receivedAt(), r.extendedAt() != null, calendar);
        var first = firstDecision(r, paused, calendar);
        if (r.extendedAt() != null) {
            first = period(StatutoryRule.DECISION_EXTENSION, first.endsAt(), calendar, "당초 결정기간의 만료", "the end of the first decision period");
        }
        return paused == 0 && !stillPaused ? first : withPause(first, r, paused, stillPaused);
    }

    /** Days not counted because of clarification: answered rounds, plus the open round up to {@code now}. */
    public static int pausedDays(DisclosureRequest r, Instant now) {
        int paused = r.clarificationPausedDays();
        if (r.awaitingClarification()) paused += daysBetween(r.clarificationRequestedAt(), now);
        return paused;
    }

    /** Whole Seoul days from the day of {@code from} to the day of {@code to}: 0 on the same day. */
    public static int daysBetween(Instant from, Instant to) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from.atZone(CivilPeriods.SEOUL).toLocalDate(),
                to.atZone(CivilPeriods.SEOUL).toLocalDate());
        return (int) Math.max(0, days);
    }

    private static Deadline firstDecision(DisclosureRequest r, int paused, HolidayCalendar calendar) {
        boolean transferred = r.transferredAt() != null;
        return CivilPeriods.days(r.receivedByAgencyAt(), StatutoryRule.DECISION.days() + paused, calendar, StatutoryRule.DECISION.label(),
                transferred ? "다른 기관으로부터의 이송(제11조 제4항)" : "청구서 접수",
                transferred ? "the transfer from another agency (Art. 11(4))" : "receipt of the request");
    }

    private static Deadline withPause(Deadline d, DisclosureRequest r, int paused, boolean stillPaused) {
        var asked = r.clarificationRequestedAt().atZone(CivilPeriods.SEOUL).toLocalDate();
        String ko;
        String en;
        if (stillPaused) {
            ko = " 보완 요청(" + asked + ")에 대한 청구인의 답변을 기다리는 동안 결정기간이 멈춰 있습니다: 오늘까지 " + paused
                    + "일을 기간에 넣지 않았고, 답변이 있을 때까지 기한이 하루씩 늦춰집니다.";
            en = " The decision period is paused while the requester's answer to the request to clarify (" + asked
                    + ") is awaited: " + paused + " day(s) up to today are not counted, and the deadline moves one day later each day until the answer.";
        } else {
            ko = " 보완 요청으로 청구인의 답변을 기다린 " + paused + "일은 결정기간에 넣지 않았습니다(10일에 더함; 최근 보완 요청 "
                    + asked + ").";
            en = " The " + paused + " day(s) spent waiting for the requester's answer to a request to clarify are not counted"
                    + " (added to the 10 days; latest request to clarify " + asked + ").";
        }
        return new Deadline(d.rule(), d.startedAt(), d.days(), d.firstDayCounted(), d.firstCountedDay(), d.nominalLastDay(),
                d.lastDay(), d.endsAt(), d.pushedBy(), d.explanationKo() + ko, d.explanationEn() + en);
    }

    static Deadline decision(Instant receivedAt, boolean extended, HolidayCalendar calendar) {
        var first = period(StatutoryRule.DECISION, receivedAt, calendar, "청구서 접수", "receipt of the request");
        if (!extended) return first;
        return period(StatutoryRule.DECISION_EXTENSION, first.endsAt(), calendar, "당초 결정기간의 만료", "the end of the first decision period");
    }

    public static Deadline firstDecision(DisclosureRequest r, HolidayCalendar calendar) {
        return firstDecision(r, r.clarificationPausedDays(), calendar);
    }

    public static List<Due> deadlines(DisclosureRequest r, HolidayCalendar calendar, Instant now) {
        return deadlines(r, List.of(), calendar, now);
    }

    /** Every deadline of the request, with those of the third parties notified of it. */
    public static List<Due> deadlines(DisclosureRequest r, List<ThirdPartyNotice> thirdParties, HolidayCalendar calendar, Instant now) {
        var all = new ArrayList<Due>();
        boolean undecided = r.status() == Status.RECEIVED || r.status() == Status.ACKNOWLEDGED;
        var decision = decision(r, calendar, now);
        // a paused period is open but cannot be overdue: it moves with each day of waiting
        all.add(new Due("DECISION", decision, undecided || r.awaitingClarification(), undecided && decision.passedAt(now)));
        for (var notice : thirdParties) {
            var objection = thirdPartyObjection(notice.notifiedAt(), calendar);
            all.add(new Due("THIRD_PARTY_OBJECTION", objection, thirdPartyMayObject(r, notice, objection, now), false));
        }
        var wait = disclosureWait(r, thirdParties, calendar);
        if (wait != null) all.add(new Due("DISCLOSURE_WAIT", wait, !wait.passedAt(now), false));
        if (r.decidedAt() != null) {
            var objection = period(StatutoryRule.OBJECTION, r.decidedAt(), calendar,
                    r.deemedRefusal() ? "결정기간 만료(비공개 결정 간주)" : "공개 여부 결정의 통지",
                    r.deemedRefusal() ? "the deemed refusal (end of the decision period)" : "notice of the decision");
            boolean objectionOpen = r.status() == Status.DECIDED || r.status() == Status.DEEMED_REFUSED;
            all.add(new Due("OBJECTION", objection, objectionOpen && !objection.passedAt(now), false));
        }
        if (r.objectedAt() != null) {
            var objectionDecision = objectionDecision(r, calendar);
            boolean open = r.status() == Status.OBJECTED;
            all.add(new Due("OBJECTION_DECISION", objectionDecision, open, open && objectionDecision.passedAt(now)));
        }
        Instant appealFrom = r.objectionDecidedAt() != null ? r.objectionDecidedAt() : r.decidedAt();
        if (appealFrom != null) {
            var appeal = period(StatutoryRule.APPEAL, appealFrom, calendar,
                    r.objectionDecidedAt() != null ? "이의신청 결정의 통지" : "처분이 있음을 안 날",
                    r.objectionDecidedAt() != null ? "notice of the objection decision" : "knowledge of the decision");
            all.add(new Due("APPEAL", appeal, !appeal.passedAt(now), false));
        }
        return all;
    }

    public static Deadline objectionDecision(DisclosureRequest r, HolidayCalendar calendar) {
        var first = period(StatutoryRule.OBJECTION_DECISION, r.objectedAt(), calendar, "이의신청 접수", "receipt of the objection");
        if (r.objectionExtendedAt() == null) return first;
        return period(StatutoryRule.OBJECTION_EXTENSION, first.endsAt(), calendar, "당초 이의신청 결정기간의 만료",
                "the end of the first objection period");
    }

    /** The third party's days to ask that the information not be disclosed, from the notice (Art. 21(1)). */
    public static Deadline thirdPartyObjection(Instant notifiedAt, HolidayCalendar calendar) {
        return period(StatutoryRule.THIRD_PARTY_OBJECTION, notifiedAt, calendar, "제3자에 대한 청구사실 통지", "notice of the request to the third party");
    }

    /** A notified third party may still object: they have not, the request is undecided and their days still run. */
    public static boolean thirdPartyMayObject(DisclosureRequest r, ThirdPartyNotice notice, HolidayCalendar calendar, Instant now) {
        return thirdPartyMayObject(r, notice, thirdPartyObjection(notice.notifiedAt(), calendar), now);
    }

    /** The same, with the notice's objection deadline already computed. */
    public static boolean thirdPartyMayObject(DisclosureRequest r, ThirdPartyNotice notice, Deadline objection, Instant now) {
        boolean undecided = r.status() == Status.RECEIVED || r.status() == Status.ACKNOWLEDGED || r.awaitingClarification();
        return undecided && !notice.objected() && !objection.passedAt(now);
    }

    /**
     * The wait before a disclosure decided against a third party's objection may be carried out, or null when there
     * is none: nothing disclosed, or nobody objected.
     */
    public static Deadline disclosureWait(DisclosureRequest r, List<ThirdPartyNotice> thirdParties, HolidayCalendar calendar) {
        boolean disclosed = r.decision() == Decision.DISCLOSED || r.decision() == Decision.PARTLY_DISCLOSED;
        if (!disclosed || thirdParties.stream().noneMatch(ThirdPartyNotice::objected)) return null;
        return thirdPartyWait(r.decidedAt(), calendar);
    }

    /** The earliest day a disclosure against a third party's objection may be carried out (Art. 21(3)). */
    public static Deadline thirdPartyWait(Instant decidedAt, HolidayCalendar calendar) {
        return period(StatutoryRule.THIRD_PARTY_WAIT, decidedAt, calendar, "제3자의 비공개 요청에도 불구한 공개 결정", "the decision to disclose despite the third party's objection");
    }

    static Deadline period(StatutoryRule rule, Instant start, HolidayCalendar calendar, String eventKo, String eventEn) {
        return CivilPeriods.days(start, rule.days(), calendar, rule.label(), eventKo, eventEn);
    }
}
