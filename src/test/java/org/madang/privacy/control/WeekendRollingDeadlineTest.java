package org.madang.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WeekendRollingDeadlineTest {

    private final WeekendRollingDeadline deadline = new WeekendRollingDeadline();

    private LocalDate due(String seoulTime) {
        return deadline.dueDate(ZonedDateTime.parse(seoulTime + "+09:00[Asia/Seoul]").toInstant(), 10);
    }

    @Test
    void theFirstDayIsNotCounted() {
        // Monday 2 Nov 2026 → ten days later is Thursday 12 Nov
        assertThat(due("2026-11-02T09:00:00")).isEqualTo(LocalDate.of(2026, 11, 12));
    }

    @Test
    void theDayIsTheKoreanOneNotUtc() {
        // 23:30 in Seoul on Monday is still Monday there (14:30 UTC) ; 00:30 Tuesday in Seoul is Monday in UTC
        assertThat(due("2026-11-02T23:30:00")).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(due("2026-11-03T00:30:00")).isEqualTo(LocalDate.of(2026, 11, 13));
    }

    @Test
    void aPeriodEndingOnAWeekendEndsOnTheNextMonday() {
        // Wednesday 4 Nov → Saturday 14 Nov → Monday 16 Nov; Thursday 5 Nov → Sunday 15 Nov → Monday 16 Nov
        assertThat(due("2026-11-04T10:00:00")).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(due("2026-11-05T10:00:00")).isEqualTo(LocalDate.of(2026, 11, 16));
    }
}
