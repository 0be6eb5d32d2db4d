package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.organisation.control.Organisations;

/**
 * Public figures per agency. Private requests count too: the figures name no request and no person.
 *
 * <p>Counts and medians are computed by the database. Only requests that took (or have been open) longer than the
 * shortest possible decision period are loaded to check them against their statutory clock: no holiday, extension
 * or pause can make a decision period shorter, so every other request was decided in time.
 */
@ApplicationScoped
public class DisclosureStatistics {

    private static final long SHORTEST_DECISION_SECONDS = StatutoryRule.DECISION.days() * 86_400L;
    private static final int CHECK_BATCH = 500;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    HolidayStore holidays;

    @Inject
    Organisations organisations;

    public record AgencyStatistics(UUID agencyId, String nameKo, String nameEn, long requests, long decided,
                                   Double medianDaysToDecision, Map<String, Long> refusalsByGround, long deemedRefusals,
                                   long overdue, double overdueShare) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyStatistics> perAgency(Instant now) {
        var grounds = refusalsByGround();
        var overdue = overdueCounts(now);
        var result = new ArrayList<AgencyStatistics>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT agency_id, COUNT(*),
                       SUM(CASE WHEN decided_at IS NOT NULL AND NOT deemed_refusal THEN 1 ELSE 0 END),
                       SUM(CASE WHEN deemed_refusal THEN 1 ELSE 0 END),
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN decided_at IS NOT NULL AND NOT deemed_refusal
                           THEN EXTRACT(EPOCH FROM decided_at) - EXTRACT(EPOCH FROM received_at) END)
                FROM disclosure_request GROUP BY agency_id ORDER BY agency_id""").getResultList();
        for (Object[] row : rows) {
            UUID agencyId = uuid(row[0]);
            var agency = organisations.byId(agencyId);
            long requests = number(row[1]), deemed = number(row[3]);
            long late = deemed + overdue.getOrDefault(agencyId, 0L);
            Double median = row[4] == null ? null : Math.round(((Number) row[4]).doubleValue() / 86_400 * 10) / 10.0;
            result.add(new AgencyStatistics(agencyId, agency.nameKo(), agency.nameEn(), requests, number(row[2]), median,
                    grounds.getOrDefault(agencyId, Map.of()), deemed, late, requests == 0 ? 0 : (double) late / requests));
        }
        return result;
    }

    private Map<UUID, Map<String, Long>> refusalsByGround() {
        var byAgency = new HashMap<UUID, Map<String, Long>>();
        em.createQuery("""
                        SELECT r.agencyId, r.exemptionGround, COUNT(r) FROM DisclosureRequest r
                        WHERE r.exemptionGround IS NOT NULL GROUP BY r.agencyId, r.exemptionGround
                        ORDER BY r.agencyId, r.exemptionGround""", Object[].class).getResultList()
                .forEach(row -> byAgency.computeIfAbsent((UUID) row[0], k -> new LinkedHashMap<>())
                        .put(row[1].toString(), (Long) row[2]));
        return byAgency;
    }

    /** Requests (not deemed refusals, counted apart) decided after their decision deadline, or still undecided past it. */
    private Map<UUID, Long> overdueCounts(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> candidates = em.createNativeQuery("""
                        SELECT id FROM disclosure_request WHERE NOT deemed_refusal AND (
                            (decided_at IS NULL AND received_at < ?1)
                            OR EXTRACT(EPOCH FROM decided_at) - EXTRACT(EPOCH FROM received_at) > ?2)""")
                .setParameter(1, OffsetDateTime.ofInstant(now.minusSeconds(SHORTEST_DECISION_SECONDS), ZoneOffset.UTC))
                .setParameter(2, SHORTEST_DECISION_SECONDS)
                .getResultList();
        HolidayCalendar calendar = holidays.calendar();
        var counts = new HashMap<UUID, Long>();
        for (int from = 0; from < candidates.size(); from += CHECK_BATCH) {
            var ids = candidates.subList(from, Math.min(candidates.size(), from + CHECK_BATCH)).stream().map(DisclosureStatistics::uuid).toList();
            for (var r : em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.id IN :ids", DisclosureRequest.class)
                    .setParameter("ids", ids).getResultList()) {
                var deadline = DisclosureClock.decision(r, calendar);
                if (deadline.passedAt(r.decidedAt() == null ? now : r.decidedAt())) counts.merge(r.agencyId(), 1L, Long::sum);
            }
            em.clear();
        }
        return counts;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
