package org.madang.disclosure.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequest.Status;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.Deadline;
import org.madang.platform.clock.HolidayCalendar;

/**
 * A request's deadlines, computed from its events and the current holiday calendar. Choices the Act leaves open:
 * <ul>
 *   <li>An extension (Art. 11(2)) adds 10 days counted from the end of the first period: it starts at 00:00 of the
 *   next day, so that day counts (Civil Act Art. 157 proviso).</li>
 *   <li>A deemed refusal happens when the (extended) decision period ends; the 30 days to object count from then.</li>
 *   <li>Asking for clarification does not stop the clock here (the Enforcement Decree lets agencies exclude the time
 *   the requester takes to complete the request; this platform does not model it yet).</li>
 * </ul>
 */
public final class DisclosureClock {

    /** One deadline of a request: which rule, the computed end with its explanation, whether it still runs. */
    public record Due(String kind, Deadline deadline, boolean open, boolean overdue) {
    }

    private DisclosureClock() {
    }

    public static Deadline decision(DisclosureRequest r, HolidayCalendar calendar) {
        return decision(r.receivedAt(), r.extendedAt() != null, calendar);
    }

    static Deadline decision(Instant receivedAt, boolean extended, HolidayCalendar calendar) {
        var first = period(StatutoryRule.DECISION, receivedAt, calendar, "청구서 접수", "receipt of the request");
        if (!extended) return first;
        return period(StatutoryRule.DECISION_EXTENSION, first.endsAt(), calendar, "당초 결정기간의 만료", "the end of the first decision period");
    }

    public static Deadline firstDecision(DisclosureRequest r, HolidayCalendar calendar) {
        return period(StatutoryRule.DECISION, r.receivedAt(), calendar, "청구서 접수", "receipt of the request");
    }

    public static List<Due> deadlines(DisclosureRequest r, HolidayCalendar calendar, Instant now) {
        var all = new ArrayList<Due>();
        boolean undecided = r.status() == Status.RECEIVED || r.status() == Status.ACKNOWLEDGED;
        var decision = decision(r, calendar);
        all.add(new Due("DECISION", decision, undecided, undecided && decision.passedAt(now)));
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

    /** The earliest day a disclosure against a third party's objection may be carried out (Art. 21(3)). */
    public static Deadline thirdPartyWait(Instant decidedAt, HolidayCalendar calendar) {
        return period(StatutoryRule.THIRD_PARTY_WAIT, decidedAt, calendar, "공개 결정일", "the decision to disclose");
    }

    static Deadline period(StatutoryRule rule, Instant start, HolidayCalendar calendar, String eventKo, String eventEn) {
        return CivilPeriods.days(start, rule.days(), calendar, rule.label(), eventKo, eventEn);
    }
}
