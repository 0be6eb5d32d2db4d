package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Korean day counting without the holiday calendar (Civil Act art. 157 and 161): the day the request arrives is not
 * counted, the period ends at the end of its last day in Korea, and a period ending on a Saturday or Sunday ends on
 * the following Monday.
 */
@ApplicationScoped
public class WeekendRollingDeadline implements StatutoryDeadline {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Override
    public LocalDate dueDate(Instant received, int days) {
        LocalDate end = received.atZone(SEOUL).toLocalDate().plusDays(days);
        if (end.getDayOfWeek() == DayOfWeek.SATURDAY) return end.plusDays(2);
        if (end.getDayOfWeek() == DayOfWeek.SUNDAY) return end.plusDays(1);
        return end;
    }
}
