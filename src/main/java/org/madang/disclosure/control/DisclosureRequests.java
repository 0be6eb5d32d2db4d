package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequest.Decision;
import org.madang.disclosure.entity.DisclosureRequest.Status;
import org.madang.disclosure.entity.ExemptionGround;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.organisation.control.Organisations;

/** Filing and handling disclosure requests. Every state change is checked against the request's state first. */
@ApplicationScoped
public class DisclosureRequests {

    public static final int MAX_LIST = 200;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    HolidayStore holidays;

    @Inject
    Organisations organisations;

    @Inject
    org.madang.platform.mail.control.MailOutbox outbox;

    @Inject
    ThirdPartyConsultations thirdParties;

    Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public DisclosureRequest file(SignedInCaller requester, UUID agencyId, String subject, String description,
                                  DisclosureRequest.Form form, boolean privateRequest) {
        organisations.byId(agencyId);
        Instant now = clock.instant();
        var request = new DisclosureRequest(nextReference(now), requester.accountId(), agencyId, subject.strip(), description.strip(),
                form, privateRequest, now);
        em.persist(request);
        return request;
    }

    /** "2026-000123": the year of receipt in Seoul and a number from one sequence (unique across years too). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String nextReference(Instant receivedAt) {
        long number = ((Number) em.createNativeQuery("SELECT NEXTVAL('disclosure_reference_seq')").getSingleResult()).longValue();
        return "%d-%06d".formatted(receivedAt.atZone(CivilPeriods.SEOUL).getYear(), number);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisclosureRequest byReference(String reference) {
        var found = em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.reference = :ref", DisclosureRequest.class)
                .setParameter("ref", reference).getResultList();
        if (found.isEmpty()) throw ProblemException.notFound("disclosure request");
        return found.get(0);
    }

    /** The request as a caller may see it: a private request is hidden (404) from everyone but its parties. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DisclosureRequest visibleTo(SignedInCaller caller, String reference) {
        var request = byReference(reference);
        if (request.privateRequest() && !(isRequester(caller, request) || isAgencyStaff(caller, request))) {
            throw ProblemException.notFound("disclosure request");
        }
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureRequest> ofRequester(UUID requesterId) {
        return em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.requesterId = :id ORDER BY r.receivedAt DESC", DisclosureRequest.class)
                .setParameter("id", requesterId).setMaxResults(MAX_LIST).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureRequest> ofAgency(UUID agencyId) {
        return em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.agencyId = :id ORDER BY r.receivedAt DESC", DisclosureRequest.class)
                .setParameter("id", agencyId).setMaxResults(MAX_LIST).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureRequest> publicOnes(int limit) {
        return em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.privateRequest = FALSE ORDER BY r.receivedAt DESC", DisclosureRequest.class)
                .setMaxResults(limit).getResultList();
    }

    @Transactional
    public DisclosureRequest acknowledge(SignedInCaller official, String reference) {
        var request = forAgency(official, reference);
        requireState(request, Status.RECEIVED);
        request.acknowledge(clock.instant());
        audit(official, "disclosure.acknowledged", request, "");
        return request;
    }

    @Transactional
    public DisclosureRequest extend(SignedInCaller official, String reference, String reason) {
        var request = forAgency(official, reference);
        requireState(request, Status.RECEIVED, Status.ACKNOWLEDGED);
        if (request.extendedAt() != null) throw new ProblemException(ProblemType.CONFLICT, "disclosure.alreadyExtended");
        Instant now = clock.instant();
        if (DisclosureClock.firstDecision(request, holidays.calendar()).passedAt(now)) {
            throw new ProblemException(ProblemType.CONFLICT, "disclosure.periodOver");
        }
        request.extend(now, reason.strip());
        audit(official, "disclosure.extended", request, reason);
        return request;
    }

    /**
     * Transfers the request to the competent agency (Art. 11(4)): it leaves this agency's queue, the receiving
     * agency's 10 days count from today, and the requester is told by mail.
     */
    @Transactional
    public DisclosureRequest transfer(SignedInCaller official, String reference, UUID toAgencyId, String reason) {
        var request = forAgency(official, reference);
        requireState(request, Status.RECEIVED, Status.ACKNOWLEDGED);
        if (toAgencyId.equals(request.agencyId())) throw ProblemException.invalid("agencyId", "disclosure.transferToSelf");
        var from = organisations.byId(request.agencyId());
        var to = organisations.byId(toAgencyId);
        request.transfer(clock.instant(), toAgencyId, reason.strip());
        audit(official, "disclosure.transferred", request, from.id() + " -> " + to.id());
        mailRequester(request, "[마당] 정보공개청구 이송 안내 / Your request was transferred: " + request.reference(),
                """
                정보공개청구 %1$s(%2$s)이(가) %3$s에서 %4$s(으)로 이송되었습니다(정보공개법 제11조 제4항).
                이송 사유: %5$s
                %4$s이(가) 이송받은 날부터 10일 이내에 공개 여부를 결정합니다.

                Your disclosure request %1$s was transferred from %6$s to %7$s (Art. 11(4)).
                Reason: %5$s
                %7$s decides within 10 days of the transfer.
                """.formatted(request.reference(), request.subject(), from.nameKo(), to.nameKo(), reason.strip(),
                    from.nameEn(), to.nameEn()));
        return request;
    }

    /** Asks the requester to clarify the request (보완 요청); the decision clock stops until the answer. */
    @Transactional
    public DisclosureRequest askClarification(SignedInCaller official, String reference, String question) {
        var request = forAgency(official, reference);
        requireState(request, Status.RECEIVED, Status.ACKNOWLEDGED);
        Instant now = clock.instant();
        if (DisclosureClock.decision(request, holidays.calendar(), now).passedAt(now)) {
            throw new ProblemException(ProblemType.CONFLICT, "disclosure.periodOver");
        }
        request.askClarification(now, question.strip());
        audit(official, "disclosure.clarificationRequested", request, "");
        var agency = organisations.byId(request.agencyId());
        mailRequester(request, "[마당] 정보공개청구 보완 요청 / Please clarify your request: " + request.reference(),
                """
                %1$s이(가) 정보공개청구 %2$s(%3$s)의 보완을 요청했습니다.
                요청 내용: %4$s
                답변하실 때까지 공개 여부 결정기간이 멈춥니다. 마당의 청구 화면에서 답변해 주십시오.

                %5$s asks you to clarify your disclosure request %2$s (%3$s).
                Question: %4$s
                The decision period is paused until you answer. Please answer on your request's page in Madang.
                """.formatted(agency.nameKo(), request.reference(), request.subject(), question.strip(), agency.nameEn()));
        return request;
    }

    /** The requester's answer restarts the clock; the days it stood still are kept with the request. */
    @Transactional
    public DisclosureRequest answerClarification(SignedInCaller requester, String reference, String answer) {
        var request = byReference(reference);
        if (!isRequester(requester, request)) {
            if (request.privateRequest() && !isAgencyStaff(requester, request)) throw ProblemException.notFound("disclosure request");
            throw ProblemException.forbidden();
        }
        requireState(request, Status.AWAITING_CLARIFICATION);
        Instant now = clock.instant();
        int paused = DisclosureClock.daysBetween(request.clarificationRequestedAt(), now);
        request.answerClarification(now, answer.strip(), paused);
        audit(requester, "disclosure.clarified", request, paused + " day(s) paused");
        return request;
    }

    @Transactional
    public DisclosureRequest decide(SignedInCaller official, String reference, Decision decision, ExemptionGround ground,
                                    String reason, String redactions) {
        var request = forAgency(official, reference);
        requireState(request, Status.RECEIVED, Status.ACKNOWLEDGED, Status.AWAITING_CLARIFICATION);
        boolean refusal = decision == Decision.NOT_DISCLOSED || decision == Decision.PARTLY_DISCLOSED;
        if (refusal && ground == null) throw ProblemException.invalid("ground", "disclosure.groundRequired");
        if (refusal && blank(reason)) throw ProblemException.invalid("reason", "disclosure.reasonRequired");
        if (decision == Decision.PARTLY_DISCLOSED && blank(redactions)) throw ProblemException.invalid("redactions", "disclosure.redactionsRequired");
        if (!refusal && ground != null) throw ProblemException.invalid("ground", "disclosure.groundOnlyForRefusal");
        boolean disclosing = decision == Decision.DISCLOSED || decision == Decision.PARTLY_DISCLOSED;
        var consulted = thirdParties.of(request.id());
        var calendar = holidays.calendar();
        Instant now = clock.instant();
        if (disclosing && consulted.stream().anyMatch(n -> DisclosureClock.thirdPartyMayObject(request, n, calendar, now))) {
            throw new ProblemException(ProblemType.CONFLICT, "disclosure.thirdPartyMayStillObject");
        }
        if (request.awaitingClarification()) {
            request.endClarificationUnanswered(DisclosureClock.daysBetween(request.clarificationRequestedAt(), now));
        }
        request.decide(now, decision, ground, blank(reason) ? null : reason.strip(),
                decision == Decision.PARTLY_DISCLOSED ? redactions.strip() : null);
        audit(official, "disclosure.decided", request, decision + (ground == null ? "" : " " + ground));
        var wait = DisclosureClock.disclosureWait(request, consulted, calendar);
        if (wait != null) tellObjectorsOfDisclosure(request, consulted, wait);
        return request;
    }

    /** Art. 21(2): a third party who objected is told of the decision to disclose, its reasons and its date. */
    private void tellObjectorsOfDisclosure(DisclosureRequest request, List<ThirdPartyNotice> consulted, org.madang.platform.clock.Deadline wait) {
        var agency = organisations.byId(request.agencyId());
        String reason = request.decisionReason() == null ? "-" : request.decisionReason();
        LocalDate from = wait.lastDay().plusDays(1);
        for (var notice : consulted) {
            if (!notice.objected()) continue;
            outbox.enqueue(notice.email(), "[마당] 비공개 요청에도 불구한 공개 결정 / Disclosure decided despite your objection: " + request.reference(),
                    """
                    %1$s 님, %2$s은(는) 귀하의 비공개 요청에도 불구하고 정보공개청구 %3$s(%4$s)의 정보를 공개하기로 결정했습니다(정보공개법 제21조 제2항).
                    결정 이유: %5$s
                    공개는 %6$s 이후에 실시됩니다(제21조 제3항: 결정일과 공개 실시일 사이 30일 이상). 그 전에 이의신청이나 행정심판·행정소송을 제기할 수 있습니다.

                    %7$s decided to disclose the information of request %3$s (%4$s) despite your objection (Art. 21(2)).
                    Reasons: %5$s
                    The disclosure is carried out on or after %6$s (Art. 21(3): at least 30 days after the decision). Until then you may object or appeal.
                    """.formatted(notice.name(), agency.nameKo(), request.reference(), request.subject(), reason, from, agency.nameEn()));
        }
    }

    @Transactional
    public DisclosureRequest object(SignedInCaller requester, String reference, String text) {
        var request = byReference(reference);
        if (!isRequester(requester, request)) throw ProblemException.forbidden();
        requireState(request, Status.DECIDED, Status.DEEMED_REFUSED);
        if (request.decision() == Decision.DISCLOSED) throw new ProblemException(ProblemType.CONFLICT, "disclosure.nothingToObject");
        Instant now = clock.instant();
        var objection = DisclosureClock.period(StatutoryRule.OBJECTION, request.decidedAt(), holidays.calendar(), "", "");
        if (objection.passedAt(now)) throw new ProblemException(ProblemType.CONFLICT, "disclosure.periodOver");
        request.object(now, text.strip());
        return request;
    }

    @Transactional
    public DisclosureRequest extendObjection(SignedInCaller official, String reference, String reason) {
        var request = forAgency(official, reference);
        requireState(request, Status.OBJECTED);
        if (request.objectionExtendedAt() != null) throw new ProblemException(ProblemType.CONFLICT, "disclosure.alreadyExtended");
        request.extendObjection(clock.instant());
        audit(official, "disclosure.objectionExtended", request, reason);
        return request;
    }

    @Transactional
    public DisclosureRequest decideObjection(SignedInCaller official, String reference, DisclosureRequest.ObjectionOutcome outcome, String reason) {
        var request = forAgency(official, reference);
        requireState(request, Status.OBJECTED);
        request.decideObjection(clock.instant(), outcome, reason.strip());
        audit(official, "disclosure.objectionDecided", request, outcome.name());
        return request;
    }

    /**
     * Marks every undecided request whose (extended) decision period ended before {@code at} as refused (Art. 11(5)).
     * Run by the scheduler; administrators and tests may run it too.
     */
    @Transactional
    public int markDeemedRefusals(Instant at, UUID agencyId, String actor) {
        var calendar = holidays.calendar();
        var undecided = em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.status IN :open"
                        + (agencyId == null ? "" : " AND r.agencyId = :agency"), DisclosureRequest.class)
                .setParameter("open", List.of(Status.RECEIVED, Status.ACKNOWLEDGED));
        if (agencyId != null) undecided.setParameter("agency", agencyId);
        return markAll(undecided.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList(), calendar, at, actor);
    }

    private int markAll(List<DisclosureRequest> undecided, org.madang.platform.clock.HolidayCalendar calendar, Instant at, String actor) {
        int marked = 0;
        for (var request : undecided) {
            var deadline = DisclosureClock.decision(request, calendar);
            if (deadline.passedAt(at)) {
                request.deemRefused(deadline.endsAt());
                audit.record(actor, "disclosure.deemedRefused", "disclosure:" + request.reference(), deadline.lastDay().toString());
                marked++;
            }
        }
        return marked;
    }

    public boolean isRequester(SignedInCaller caller, DisclosureRequest request) {
        return caller != null && caller.accountId().equals(request.requesterId());
    }

    public boolean isAgencyStaff(SignedInCaller caller, DisclosureRequest request) {
        return isAgencyStaff(caller, request.agencyId());
    }

    public boolean isAgencyStaff(SignedInCaller caller, UUID agencyId) {
        return caller != null && (caller.has(Role.OFFICIAL, agencyId) || caller.has(Role.ORG_ADMIN, agencyId));
    }

    /** The request for one of its agency's staff: 404 when private and not theirs, 403 for anyone else. */
    public DisclosureRequest forAgency(SignedInCaller official, String reference) {
        var request = byReference(reference);
        if (request.privateRequest() && !isAgencyStaff(official, request) && !isRequester(official, request)) {
            throw ProblemException.notFound("disclosure request");
        }
        if (!isAgencyStaff(official, request)) throw ProblemException.forbidden();
        em.lock(request, LockModeType.PESSIMISTIC_WRITE);
        return request;
    }

    private void mailRequester(DisclosureRequest request, String subject, String body) {
        var requester = em.find(org.madang.platform.account.entity.Account.class, request.requesterId());
        if (requester != null && requester.email() != null) outbox.enqueue(requester.email(), subject, body);
    }

    static void requireState(DisclosureRequest request, Status... allowed) {
        for (Status s : allowed) if (request.status() == s) return;
        throw new ProblemException(ProblemType.CONFLICT, "disclosure.wrongState", request.status());
    }

    private void audit(SignedInCaller actor, String action, DisclosureRequest request, String detail) {
        audit.record(actor.getName(), action, "disclosure:" + request.reference(), detail);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
