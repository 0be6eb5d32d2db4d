package org.madang.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.HolidayCalendar;
import org.madang.platform.clock.KoreanHolidays;

/**
 * Erasure deadlines (PIPA Enforcement Decree Art. 43(3): 10 days) on real calendar cases. Expected dates worked out by
 * hand: the day of receipt is not counted (Civil Act Art. 157), the period ends at the end of its tenth day (Art. 159),
 * and a last day that is a Saturday, Sunday or public holiday moves to the next day that is none (Art. 161).
 */
class ErasureClockTest {

    private static final HolidayCalendar KOREA = HolidayCalendar.of(KoreanHolidays.Y2025_TO_2027);

    private static Instant seoul(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CivilPeriods.SEOUL).toInstant();
    }

    @Test
    void filedJustBeforeChuseok2026TheEndRunsPastNationalFoundationDayAndItsSubstitute() {
        // Wed 23 Sep 2026, 15:00: days 24 Sep (Chuseok holiday) … 3 Oct; 3 Oct is a Saturday and National Foundation
        // Day, 4 Oct a Sunday, 5 Oct its substitute holiday → Tue 6 Oct. (Counting weekends only would give Mon 5 Oct.)
        var deadline = ErasureClock.deadline(seoul("2026-09-23T15:00"), KOREA);
        assertThat(deadline.nominalLastDay()).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2026, 10, 6));
        assertThat(deadline.pushedBy()).extracting(p -> p.date())
                .containsExactly(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5));
        assertThat(deadline.endsAt()).isEqualTo(seoul("2026-10-07T00:00"));
        assertThat(deadline.explanationKo()).contains("개인정보 보호법 제36조", "2026-10-06", "개천절", "민법 제161조");
        assertThat(deadline.explanationEn()).contains("PIPA Art. 36(2)", "2026-10-06", "National Foundation Day", "Art. 161");
    }

    @Test
    void theDayIsTheKoreanDayNotTheUtcDay() {
        // 22 Sep 2026 20:00 UTC is 23 Sep 05:00 in Seoul: the same period as above
        assertThat(ErasureClock.deadline(Instant.parse("2026-09-22T20:00:00Z"), KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void aRequestAtMidnightCountsItsFirstDay() {
        // received at 00:00 on Wed 23 Sep 2026: days 23 Sep … 2 Oct (a Friday, a working day) → 2 Oct (Art. 157 proviso)
        var deadline = ErasureClock.deadline(seoul("2026-09-23T00:00"), KOREA);
        assertThat(deadline.firstDayCounted()).isTrue();
        assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(deadline.pushedBy()).isEmpty();
    }

    @Test
    void hangeulDayOnAFridayMovesTheEndToMonday() {
        // Tue 29 Sep 2026: days 30 Sep … 9 Oct (Hangeul Day, a Friday), then Sat 10, Sun 11 → Mon 12 Oct
        assertThat(ErasureClock.deadline(seoul("2026-09-29T10:00"), KOREA).lastDay()).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void seollal2027AndItsSubstituteHoliday() {
        // Thu 28 Jan 2027: days 29 Jan … 7 Feb (Seollal, a Sunday), 8 Feb Seollal holiday, 9 Feb substitute → Wed 10 Feb
        assertThat(ErasureClock.deadline(seoul("2027-01-28T09:00"), KOREA).lastDay()).isEqualTo(LocalDate.of(2027, 2, 10));
    }

    @Test
    void anOrdinaryWeekEndsOnItsTenthDay() {
        // Mon 9 Nov 2026: days 10 … 19 Nov, a Thursday → 19 Nov, nothing pushed
        var deadline = ErasureClock.deadline(seoul("2026-11-09T16:30"), KOREA);
        assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(deadline.passedAt(seoul("2026-11-19T23:59"))).isFalse();
        assertThat(deadline.passedAt(seoul("2026-11-20T00:00"))).as("overdue from the first moment after the last day").isTrue();
    }
}
