package org.madang.platform.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which days are public holidays. The days themselves are data (the holiday table); this only answers questions. */
public interface HolidayCalendar {

    Optional<Holiday> holidayOn(LocalDate date);

    static HolidayCalendar of(Collection<Holiday> holidays) {
        Map<LocalDate, Holiday> byDate = holidays.stream()
                .collect(Collectors.toUnmodifiableMap(Holiday::date, Function.identity(), (a, b) -> a));
        return date -> Optional.ofNullable(byDate.get(date));
    }

    /** Saturdays, Sundays and public holidays are not working days (Civil Act Article 161). */
    default boolean isWorkingDay(LocalDate date) {
        var day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && holidayOn(date).isEmpty();
    }

    /** The working day {@code count} working days before {@code date} (for reminders). */
    default LocalDate workingDaysBefore(LocalDate date, int count) {
        var day = date;
        for (int left = count; left > 0; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) left--;
        }
        return day;
    }
}
