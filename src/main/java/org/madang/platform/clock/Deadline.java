package org.madang.platform.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The end of a statutory period with the reasons it falls where it does, so both sides can check it: the rule, the
 * event that started the period, the days counted and each day that pushed the end to the next working day.
 *
 * @param lastDay the last day of the period (the period ends at the end of this day, Asia/Seoul)
 * @param endsAt  the first instant after the period (00:00 Asia/Seoul of the day after {@code lastDay})
 * @param pushedBy the days (weekend or holiday) that moved the end, in order
 */
public record Deadline(String rule, Instant startedAt, int days, boolean firstDayCounted, LocalDate firstCountedDay,
                       LocalDate nominalLastDay, LocalDate lastDay, Instant endsAt, List<Pushed> pushedBy,
                       String explanationKo, String explanationEn) {

    /** A day that could not end the period, and why. */
    public record Pushed(LocalDate date, String reasonKo, String reasonEn) {
    }

    public Deadline {
        pushedBy = List.copyOf(pushedBy);
    }

    public boolean passedAt(Instant now) {
        return !now.isBefore(endsAt);
    }
}
