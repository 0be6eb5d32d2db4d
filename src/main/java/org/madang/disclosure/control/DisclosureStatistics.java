package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequestChanges;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.organisation.control.Organisations;

/**
 * Public figures per agency. Private requests count too: the figures name no request and no person.
 *
 * <p>Counts are computed by the database; the median days to a decision is given in tenths of a day, from counts per
 * tenth (a hash aggregate, where an exact median would sort every duration). Only requests that took (or have been open) longer than the
 * shortest possible decision period are loaded to check them against their statutory clock: no holiday, extension
 * or pause can make a decision period shorter, so every other request was decided in time.
 */
@ApplicationScoped
public class DisclosureStatistics {


    private static final Duration REUSE_FOR = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    HolidayStore holidays;

    @Inject
    Organisations organisations;

    @Inject
    @ConfigProperty(name = "madang.db.url", defaultValue = "")
    String databaseUrl;

    public record AgencyStatistics(UUID agencyId, String nameKo, String nameEn, long requests, long decided,
                                   Double medianDaysToDecision, Map<String, Long> refusalsByGround, long deemedRefusals,
                                   long overdue, double overdueShare) {
    }

    /** The last figures, with the change generation and time they were computed at. */
    private record Computed(long generation, Instant at, List<AgencyStatistics> figures) {
    }

    private final AtomicReference<Computed> last = new AtomicReference<>();

    /**
     * The figures, recomputed when a request changed through this instance or the last ones are a minute old (changes
     * through other instances of a cluster): the page is public, and over a million requests a computation takes
     * seconds of database time.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyStatistics> perAgency(Instant now) {
        long generation = DisclosureRequestChanges.generation();
        var known = last.get();
        if (known != null && known.generation() == generation && !now.isBefore(known.at())
                && now.isBefore(known.at().plus(REUSE_FOR))) {
            return known.figures();
        }
        var figures = compute(now);
        last.set(new Computed(generation, now, figures));
        return figures;
    }

    private List<AgencyStatistics> compute(Instant now) {
        var grounds = refusalsByGround();
        var overdue = overdueCounts(now);
        var tallies = new TreeMap<UUID, Tally>();
        // one pass, hashed by (agency, tenth of a day to decision): no sort of a million durations for the medians
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT agency_id, tenth, COUNT(*) FROM (
                    SELECT agency_id, CASE WHEN deemed_refusal THEN -2 WHEN decided_at IS NULL THEN -1
                        ELSE FLOOR(GREATEST(0, %s) / 8640) END AS tenth
                    FROM disclosure_request) durations
                GROUP BY agency_id, tenth""".formatted(secondsToDecision())).getResultList();
        for (Object[] row : rows) {
            tallies.computeIfAbsent(uuid(row[0]), id -> new Tally()).add(number(row[1]), number(row[2]));
        }
        var result = new ArrayList<AgencyStatistics>();
        tallies.forEach((agencyId, tally) -> {
            var agency = organisations.byId(agencyId);
            long late = tally.deemed + overdue.getOrDefault(agencyId, 0L);
            result.add(new AgencyStatistics(agencyId, agency.nameKo(), agency.nameEn(), tally.requests, tally.decided,
                    tally.medianDays(), grounds.getOrDefault(agencyId, Map.of()), tally.deemed, late,
                    tally.requests == 0 ? 0 : (double) late / tally.requests));
        });
        return result;
    }

    /** One agency's requests: deemed refusals, open ones, and decisions counted by tenths of a day taken. */
    static final class Tally {
        long requests, deemed, decided;
        final TreeMap<Long, Long> decidedByTenth = new TreeMap<>();

        void add(long tenth, long count) {
            requests += count;
            if (tenth == -2) deemed += count;
            if (tenth >= 0) {
                decided += count;
                decidedByTenth.merge(tenth, count, Long::sum);
            }
        }

        /** The tenth of a day in which the middle decision (the lower middle of an even number) was taken. */
        Double medianDays() {
            if (decided == 0) return null;
            long middle = (decided + 1) / 2, seen = 0;
            for (var bucket : decidedByTenth.entrySet()) {
                seen += bucket.getValue();
                if (seen >= middle) return bucket.getKey() / 10.0;
            }
            throw new IllegalStateException("unreachable: " + decided + " decisions, " + seen + " counted");
        }
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

    /**
     * Requests (not deemed refusals, counted apart) decided after their decision deadline, or still undecided past it.
     * Those whose clock was paused for clarification or restarted by a transfer are read whole and checked one by one.
     */
    private Map<UUID, Long> overdueCounts(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNativeQuery("""
                        SELECT agency_id, received_at, extended_at, decided_at, id,
                               CASE WHEN clarification_paused_days > 0 OR transferred_at IS NOT NULL
                                    OR clarification_requested_at IS NOT NULL THEN 1 ELSE 0 END
                        FROM disclosure_request WHERE NOT deemed_refusal AND (
                            (decided_at IS NULL AND received_at <= ?1)
                            OR decided_at >= received_at + INTERVAL '%d' DAY)""".formatted(StatutoryRule.DECISION.days()))
                .setParameter(1, OffsetDateTime.ofInstant(now.minus(Duration.ofDays(StatutoryRule.DECISION.days())), ZoneOffset.UTC))
                .getResultList();
        HolidayCalendar calendar = holidays.calendar();
        var deadlines = new HashMap<DecisionStart, Instant>();
        var counts = new HashMap<UUID, Long>();
        var irregular = new ArrayList<UUID>();
        for (Object[] row : candidates) {
            if (number(row[5]) == 1) {
                irregular.add(uuid(row[4]));
                continue;
            }
            Instant received = instant(row[1]), decided = instant(row[3]);
            boolean extended = row[2] != null;
            Instant endsAt = deadlines.computeIfAbsent(DecisionStart.of(received, extended),
                    start -> DisclosureClock.decision(received, extended, calendar).endsAt());
            if (!(decided == null ? now : decided).isBefore(endsAt)) counts.merge(uuid(row[0]), 1L, Long::sum);
        }
        for (int from = 0; from < irregular.size(); from += 500) {
            var ids = irregular.subList(from, Math.min(irregular.size(), from + 500));
            for (var r : em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.id IN :ids", DisclosureRequest.class)
                    .setParameter("ids", ids).getResultList()) {
                if (DisclosureClock.decision(r, calendar, now).passedAt(r.decidedAt() == null ? now : r.decidedAt())) {
                    counts.merge(r.agencyId(), 1L, Long::sum);
                }
            }
            em.clear();
        }
        return counts;
    }

    /**
     * What a decision deadline depends on: the Seoul day of receipt, whether receipt was at 00:00 (then that day
     * counts), and the extension. Requests received on the same day share one computation.
     */
    private record DecisionStart(LocalDate day, boolean atMidnight, boolean extended) {
        static DecisionStart of(Instant received, boolean extended) {
            var local = received.atZone(CivilPeriods.SEOUL);
            return new DecisionStart(local.toLocalDate(), local.toLocalTime().equals(LocalTime.MIDNIGHT), extended);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof OffsetDateTime offset) return offset.toInstant();
        if (value instanceof java.sql.Timestamp timestamp) return timestamp.toInstant();
        if (value instanceof Instant instant) return instant;
        throw new IllegalStateException("Not a time: " + value.getClass());
    }

    /**
     * Seconds from receipt to decision. PostgreSQL's EXTRACT computes in numeric, twice as slow over a million rows
     * as date_part's double precision, which H2 lacks.
     */
    private String secondsToDecision() {
        return databaseUrl.startsWith("jdbc:postgresql:") ? "date_part('epoch', decided_at - received_at)"
                : "EXTRACT(EPOCH FROM decided_at) - EXTRACT(EPOCH FROM received_at)";
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
