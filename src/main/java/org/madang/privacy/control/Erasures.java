package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.madang.platform.account.entity.Account;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.clock.Deadline;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.personaldata.Pseudonym;
import org.madang.privacy.entity.ErasureRequest;

/**
 * Erasure requests: a person asks, the privacy officer carries it out before the statutory deadline (PIPA art. 36:
 * 10 days). Carrying out is one transaction over every feature: public contributions are pseudonymised (or removed,
 * when the person asked and no law keeps them), then personal data is erased.
 */
@ApplicationScoped
public class Erasures {

    /** Pseudonym numbers start here, so they look like numbers, not positions. */
    static final long FIRST_PSEUDONYM = 1001;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    PersonalDataRegistry registry;

    @Inject
    HolidayStore holidays;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public ErasureRequest request(UUID accountId, boolean removeContributions) {
        // one pending request per person; the account row lock makes two concurrent requests queue
        em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!pending(accountId).isEmpty()) throw new ProblemException(ProblemType.CONFLICT, "privacy.erasure.pending");
        var now = clock.instant();
        var request = new ErasureRequest(accountId, removeContributions, now, ErasureClock.deadline(now, holidays.calendar()).lastDay());
        em.persist(request);
        audit.record(accountId.toString(), "privacy.erasure-requested", "account:" + accountId,
                "due " + request.dueOn() + (removeContributions ? ", contributions removed" : ", contributions pseudonymised"));
        return request;
    }

    /** A request with its deadline and whether it was (or is) missed. */
    public record Tracked(ErasureRequest request, Deadline deadline, boolean overdue) {
    }

    /**
     * The deadline as the calendar says now: it is computed on every read, so a holiday added later moves open
     * requests' deadlines (the stored due date is the one computed when the request arrived, kept for ordering).
     * Overdue: pending past the deadline, or carried out after it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Tracked> tracked(List<ErasureRequest> requests) {
        var calendar = holidays.calendar();
        var now = clock.instant();
        return requests.stream().map(r -> {
            var deadline = ErasureClock.deadline(r.requestedAt(), calendar);
            return new Tracked(r, deadline, deadline.passedAt(r.completedAt() == null ? now : r.completedAt()));
        }).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ErasureRequest> of(UUID accountId) {
        return em.createQuery("SELECT r FROM ErasureRequest r WHERE r.accountId = :id ORDER BY r.requestedAt DESC", ErasureRequest.class)
                .setParameter("id", accountId).getResultList();
    }

    /** Pending requests, the most urgent first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ErasureRequest> pending() {
        return em.createQuery("SELECT r FROM ErasureRequest r WHERE r.status = :pending ORDER BY r.dueOn, r.requestedAt", ErasureRequest.class)
                .setParameter("pending", ErasureRequest.Status.PENDING).setMaxResults(500).getResultList();
    }

    @Transactional
    public ErasureRequest carryOut(UUID requestId, UUID officer) {
        var request = em.find(ErasureRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) throw ProblemException.notFound("erasure request");
        if (request.status() != ErasureRequest.Status.PENDING) throw new ProblemException(ProblemType.CONFLICT, "privacy.erasure.done");
        var pseudonym = new Pseudonym(nextPseudonymNumber());
        for (var holder : registry.holders()) {
            if (!request.removeContributions()) holder.pseudonymise(request.accountId(), pseudonym);
        }
        for (var holder : registry.holders()) {
            holder.erase(request.accountId(), request.removeContributions());
        }
        request.completed(officer, pseudonym.number(), clock.instant());
        audit.record(officer.toString(), "privacy.erasure-done", "account:" + request.accountId(),
                "pseudonym #" + pseudonym.number() + (request.removeContributions() ? ", contributions removed" : ""));
        return request;
    }

    private List<ErasureRequest> pending(UUID accountId) {
        return em.createQuery("SELECT r FROM ErasureRequest r WHERE r.accountId = :id AND r.status = :pending", ErasureRequest.class)
                .setParameter("id", accountId).setParameter("pending", ErasureRequest.Status.PENDING).getResultList();
    }

    private long nextPseudonymNumber() {
        // serialised by the unique constraint; erasures are rare and run one by one by the privacy officer
        Long max = em.createQuery("SELECT MAX(r.pseudonymNumber) FROM ErasureRequest r", Long.class).getSingleResult();
        return max == null ? FIRST_PSEUDONYM : max + 1;
    }
}
