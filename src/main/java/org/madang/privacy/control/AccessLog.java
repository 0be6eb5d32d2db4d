package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.madang.platform.account.entity.Account;
import org.madang.platform.personaldata.PersonalDataAccess;
import org.madang.privacy.entity.AccessEntry;
import org.madang.privacy.entity.AccessHead;

/**
 * The personal-data access log: hash-chained like the audit log, readable by the person it is about, checked and
 * reviewed monthly by the privacy officer. An entry is written in the transaction of the read it records.
 */
@ApplicationScoped
public class AccessLog implements PersonalDataAccess {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(UUID staff, UUID subject, Collection<String> fields, String purpose) {
        var staffAccount = em.find(Account.class, staff);
        String roles = staffAccount == null ? "" : staffAccount.roles().stream().map(g -> g.role().name())
                .filter(r -> !r.equals("CITIZEN")).sorted().distinct().collect(Collectors.joining(","));
        var head = em.find(AccessHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        var entry = new AccessEntry(head.lastSeq() + 1, clock.instant(), staff, limit(roles, 200), subject,
                limit(String.join(",", new TreeSet<>(fields)), 500), limit(purpose, 300), head.lastHash());
        em.persist(entry);
        head.advanceTo(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessEntry> about(UUID subject, int limit) {
        return em.createQuery("SELECT e FROM AccessEntry e WHERE e.subjectId = :subject ORDER BY e.seq DESC", AccessEntry.class)
                .setParameter("subject", subject).setMaxResults(limit).getResultList();
    }

    /** The entries of one calendar month in Korea, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessEntry> during(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(SEOUL).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(SEOUL).toInstant();
        return em.createQuery("SELECT e FROM AccessEntry e WHERE e.at >= :from AND e.at < :to ORDER BY e.seq", AccessEntry.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /**
     * Recomputes the chain from the retention anchor to the head as it stands now, in batches; names the first entry
     * whose sequence, link or hash is wrong, or the first one missing.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public ChainCheck verify() {
        var head = em.find(AccessHead.class, 1);
        em.refresh(head);
        long lastSeq = head.lastSeq();
        String previous = head.anchorHash();
        long expected = head.firstSeq();
        long checked = 0;
        while (expected <= lastSeq) {
            var batch = em.createQuery("SELECT e FROM AccessEntry e WHERE e.seq >= :from AND e.seq <= :to ORDER BY e.seq", AccessEntry.class)
                    .setParameter("from", expected).setParameter("to", lastSeq).setMaxResults(1000).getResultList();
            if (batch.isEmpty()) return new ChainCheck(false, checked, expected);
            for (var entry : batch) {
                if (entry.seq() != expected || !entry.previousHash().equals(previous) || !entry.hash().equals(entry.computeHash())) {
                    return new ChainCheck(false, checked, expected);
                }
                previous = entry.hash();
                expected++;
                checked++;
                em.detach(entry);
            }
        }
        if (!previous.equals(head.lastHash())) return new ChainCheck(false, checked, lastSeq);
        return new ChainCheck(true, checked, null);
    }

    /**
     * Deletes the entries older than {@code before}, from the oldest on, moving the anchor so the rest still verifies.
     * Returns how many went.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int pruneBefore(Instant before) {
        var head = em.find(AccessHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        var old = em.createQuery("SELECT e FROM AccessEntry e WHERE e.seq >= :first AND e.at < :before ORDER BY e.seq", AccessEntry.class)
                .setParameter("first", head.firstSeq()).setParameter("before", before).setMaxResults(10_000).getResultList();
        AccessEntry last = null;
        for (var entry : old) {
            if (entry.seq() != (last == null ? head.firstSeq() : last.seq() + 1)) break; // only a contiguous oldest run
            last = entry;
        }
        if (last == null) return 0;
        int deleted = em.createQuery("DELETE FROM AccessEntry e WHERE e.seq >= :first AND e.seq <= :last")
                .setParameter("first", head.firstSeq()).setParameter("last", last.seq()).executeUpdate();
        head.prunedThrough(last);
        return deleted;
    }

    public record ChainCheck(boolean intact, long entries, Long firstBrokenSeq) {
    }

    /** The privacy officer's monthly review: totals per staff member and the entries worth a second look. */
    public record Review(String month, int entries, int subjects, List<StaffTotal> staff, ChainCheck chain) {
    }

    public record StaffTotal(UUID staffId, String roles, int reads, int subjects, Set<String> purposes) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Review review(YearMonth month) {
        var entries = during(month);
        var byStaff = entries.stream().collect(Collectors.groupingBy(AccessEntry::staffId, java.util.LinkedHashMap::new, Collectors.toList()));
        var totals = byStaff.entrySet().stream().map(e -> new StaffTotal(e.getKey(), e.getValue().get(e.getValue().size() - 1).staffRoles(),
                        e.getValue().size(), (int) e.getValue().stream().map(AccessEntry::subjectId).distinct().count(),
                        e.getValue().stream().map(AccessEntry::purpose).collect(Collectors.toCollection(TreeSet::new))))
                .sorted((a, b) -> Integer.compare(b.reads(), a.reads())).toList();
        int subjects = (int) entries.stream().map(AccessEntry::subjectId).distinct().count();
        return new Review(month.toString(), entries.size(), subjects, totals, verify());
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
