package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.ExemptionGround;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.organisation.control.Organisations;

/** Public figures per agency. Private requests count too: the figures name no request and no person. */
@ApplicationScoped
public class DisclosureStatistics {

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
        HolidayCalendar calendar = holidays.calendar();
        var byAgency = new LinkedHashMap<UUID, List<DisclosureRequest>>();
        em.createQuery("SELECT r FROM DisclosureRequest r ORDER BY r.agencyId", DisclosureRequest.class).getResultStream()
                .forEach(r -> byAgency.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(r));
        var result = new ArrayList<AgencyStatistics>();
        byAgency.forEach((agencyId, all) -> {
            var agency = organisations.byId(agencyId);
            var days = new ArrayList<Double>();
            var grounds = new EnumMap<ExemptionGround, Long>(ExemptionGround.class);
            long decided = 0, deemed = 0, overdue = 0;
            for (var r : all) {
                if (r.deemedRefusal()) deemed++;
                if (r.decidedAt() != null && !r.deemedRefusal()) {
                    decided++;
                    days.add(Duration.between(r.receivedAt(), r.decidedAt()).toMinutes() / 1440.0);
                }
                if (r.exemptionGround() != null) grounds.merge(r.exemptionGround(), 1L, Long::sum);
                var deadline = DisclosureClock.decision(r, calendar);
                boolean late = r.deemedRefusal()
                        || (r.decidedAt() == null ? deadline.passedAt(now) : deadline.passedAt(r.decidedAt()));
                if (late) overdue++;
            }
            var byGround = new LinkedHashMap<String, Long>();
            grounds.forEach((g, n) -> byGround.put(g.name(), n));
            result.add(new AgencyStatistics(agencyId, agency.nameKo(), agency.nameEn(), all.size(), decided, median(days),
                    byGround, deemed, overdue, all.isEmpty() ? 0 : (double) overdue / all.size()));
        });
        return result;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) return null;
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }
}
