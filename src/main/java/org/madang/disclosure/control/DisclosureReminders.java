package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequest.Status;
import org.madang.platform.auth.Role;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.Deadline;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.mail.control.MailOutbox;

/**
 * Mails the agency's officials {@value #WORKING_DAYS_BEFORE} working days before an open deadline (a decision or an
 * objection decision), once per deadline.
 */
@ApplicationScoped
public class DisclosureReminders {

    public static final int WORKING_DAYS_BEFORE = 2;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    HolidayStore holidays;

    @Inject
    MailOutbox outbox;

    /** Sends the reminders due at {@code at}; returns how many mails were queued. */
    @Transactional
    public int send(Instant at, UUID agencyId) {
        HolidayCalendar calendar = holidays.calendar();
        var open = em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.status IN :open"
                + (agencyId == null ? "" : " AND r.agencyId = :agency"), DisclosureRequest.class)
                .setParameter("open", List.of(Status.RECEIVED, Status.ACKNOWLEDGED, Status.OBJECTED));
        if (agencyId != null) open.setParameter("agency", agencyId);
        var today = at.atZone(CivilPeriods.SEOUL).toLocalDate();
        int sent = 0;
        for (var request : open.getResultList()) {
            String kind = request.status() == Status.OBJECTED ? "OBJECTION_DECISION" : "DECISION";
            Deadline deadline = kind.equals("DECISION") ? DisclosureClock.decision(request, calendar)
                    : DisclosureClock.objectionDecision(request, calendar);
            if (deadline.passedAt(at) || today.isBefore(calendar.workingDaysBefore(deadline.lastDay(), WORKING_DAYS_BEFORE))) continue;
            if (alreadySent(request, kind, deadline)) continue;
            for (String email : officials(request.agencyId())) {
                outbox.enqueue(email, "[마당] 정보공개 기한 임박 / Disclosure deadline approaching: " + request.reference(),
                        body(request, kind, deadline));
                sent++;
            }
            em.createNativeQuery("INSERT INTO disclosure_reminder (request_id, kind, last_day, sent_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, request.id()).setParameter(2, kind).setParameter(3, deadline.lastDay().toString())
                    .setParameter(4, java.sql.Timestamp.from(at)).executeUpdate();
        }
        return sent;
    }

    private boolean alreadySent(DisclosureRequest request, String kind, Deadline deadline) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM disclosure_reminder WHERE request_id = ? AND kind = ? AND last_day = ?")
                .setParameter(1, request.id()).setParameter(2, kind).setParameter(3, deadline.lastDay().toString())
                .getSingleResult()).longValue() > 0;
    }

    private List<String> officials(UUID agencyId) {
        return em.createQuery("SELECT DISTINCT g.account.email FROM RoleGrant g WHERE g.organisationId = :agency AND g.role IN :roles", String.class)
                .setParameter("agency", agencyId).setParameter("roles", List.of(Role.OFFICIAL, Role.ORG_ADMIN)).getResultList();
    }

    private static String body(DisclosureRequest request, String kind, Deadline deadline) {
        return "청구 " + request.reference() + " (" + request.subject() + ")\n"
                + (kind.equals("DECISION") ? "공개 여부 결정 기한" : "이의신청 결정 기한") + ": " + deadline.lastDay() + "\n"
                + deadline.explanationKo() + "\n\n"
                + (kind.equals("DECISION") ? "Decision deadline" : "Objection decision deadline") + ": " + deadline.lastDay() + "\n"
                + deadline.explanationEn() + "\n";
    }
}
