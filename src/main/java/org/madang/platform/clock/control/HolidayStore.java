package org.madang.platform.clock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.clock.Holiday;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.platform.clock.entity.PublicHoliday;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * The holiday table. Deadlines are computed from the calendar each time they are read, so a change here moves every
 * open deadline at once and closed ones (which record when they were met) not at all.
 */
@ApplicationScoped
public class HolidayStore {

    /** Holidays far outside any statutory period are mistakes, not data. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1), LATEST = LocalDate.of(2100, 12, 31);

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Holiday> all() {
        return em.createQuery("SELECT h FROM PublicHoliday h ORDER BY h.date", PublicHoliday.class).getResultList()
                .stream().map(PublicHoliday::toHoliday).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HolidayCalendar calendar() {
        return HolidayCalendar.of(all());
    }

    @Transactional
    public Holiday add(LocalDate date, String nameKo, String nameEn, String actor) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) throw ProblemException.invalid("date", "holiday.outOfRange");
        if (em.find(PublicHoliday.class, date) != null) throw new ProblemException(ProblemType.CONFLICT, "holiday.exists", date);
        var holiday = new PublicHoliday(date, nameKo.strip(), nameEn.strip());
        em.persist(holiday);
        audit.record(actor, "holiday.added", "holiday:" + date, nameKo + " / " + nameEn);
        return holiday.toHoliday();
    }

    @Transactional
    public void remove(LocalDate date, String actor) {
        var holiday = em.find(PublicHoliday.class, date);
        if (holiday == null) throw ProblemException.notFound("holiday");
        em.remove(holiday);
        audit.record(actor, "holiday.removed", "holiday:" + date, holiday.toHoliday().nameKo());
    }
}
