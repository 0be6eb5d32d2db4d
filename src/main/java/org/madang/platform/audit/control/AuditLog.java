package org.madang.platform.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.madang.platform.audit.entity.AuditEntry;
import org.madang.platform.audit.entity.AuditHead;

/**
 * The append-only, hash-chained audit log. An entry is written in the transaction of the change it records, so the
 * two commit or fail together.
 */
@ApplicationScoped
public class AuditLog {

    /** Who acted when no person did (start-up, scheduled jobs). */
    public static final String SYSTEM = "system";

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEntry record(String actor, String action, String target, String detail) {
        var head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        var entry = new AuditEntry(head.lastSeq() + 1, clock.instant(), actor, action, target, detail, head.lastHash());
        em.persist(entry);
        head.advanceTo(entry);
        return entry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> page(long beforeSeq, int limit) {
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq < :before ORDER BY e.seq DESC", AuditEntry.class)
                .setParameter("before", beforeSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Recomputes the chain up to the head as it stands now (appends made meanwhile are left for the next check), in
     * batches; names the first entry whose sequence, link or hash is wrong, or the first one missing.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public ChainCheck verify() {
        var head = em.find(AuditHead.class, 1);
        em.refresh(head);
        long lastSeq = head.lastSeq();
        String headHash = head.lastHash();
        String previous = AuditEntry.GENESIS_HASH;
        long expectedSeq = 1;
        while (expectedSeq <= lastSeq) {
            var batch = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq >= :from AND e.seq <= :to ORDER BY e.seq",
                            AuditEntry.class)
                    .setParameter("from", expectedSeq)
                    .setParameter("to", lastSeq)
                    .setMaxResults(1000)
                    .getResultList();
            if (batch.isEmpty()) {
                return new ChainCheck(false, expectedSeq - 1, expectedSeq);
            }
            for (var entry : batch) {
                if (entry.seq() != expectedSeq || !entry.previousHash().equals(previous)
                        || !entry.hash().equals(entry.computeHash())) {
                    return new ChainCheck(false, expectedSeq - 1, expectedSeq);
                }
                previous = entry.hash();
                expectedSeq++;
                em.detach(entry);
            }
        }
        if (!previous.equals(headHash)) {
            return new ChainCheck(false, lastSeq, lastSeq);
        }
        return new ChainCheck(true, lastSeq, null);
    }

    public record ChainCheck(boolean intact, long entries, Long firstBrokenSeq) {
    }
}
