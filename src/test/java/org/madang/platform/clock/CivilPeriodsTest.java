package org.madang.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Civil Act day counting over real Korean calendar cases. Every expected date was worked out by hand from Articles
 * 157, 159 and 161 and a printed calendar, not from the code.
 */
class CivilPeriodsTest {

    private static final HolidayCalendar KOREA = HolidayCalendar.of(KoreanHolidays.Y2025_TO_2027);

    private static Instant seoul(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CivilPeriods.SEOUL).toInstant();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // what, start (Seoul), days, expected last day
                Arguments.of("weekday, first day excluded", "2026-03-09T10:00", 10, "2026-03-19"),
                Arguments.of("last day Saturday → Monday", "2026-03-04T10:00", 10, "2026-03-16"),
                Arguments.of("started at 00:00: first day counts", "2026-03-04T00:00", 10, "2026-03-13"),
                Arguments.of("one minute past midnight: first day excluded", "2026-03-04T00:01", 10, "2026-03-16"),
                Arguments.of("month end, last day Sunday → Monday", "2026-01-22T10:00", 10, "2026-02-02"),
                Arguments.of("year end: Christmas counted, last day Saturday 3 Jan → Monday", "2025-12-24T15:00", 10, "2026-01-05"),
                Arguments.of("Seollal 2026: Sunday then three holidays → Thursday", "2026-02-05T10:00", 10, "2026-02-19"),
                Arguments.of("Chuseok 2025: Sat, Chuseok Sun–Tue, substitute Wed, Hangeul Thu → Friday", "2025-09-24T10:00", 10, "2025-10-10"),
                Arguments.of("holiday (Hangeul Day Fri) followed by a weekend → Monday", "2026-09-29T10:00", 10, "2026-10-12"),
                Arguments.of("substitute holiday for Liberation Day (Mon 17 Aug) → Tuesday", "2026-08-07T10:00", 10, "2026-08-18"),
                Arguments.of("substitute holiday for Seollal 2027 (Tue 9 Feb) → Wednesday", "2027-01-30T10:00", 10, "2027-02-10"),
                Arguments.of("third-party objection 3 days: Buddha's Birthday Sunday + substitute Monday → Tuesday", "2026-05-21T10:00", 3, "2026-05-26"),
                Arguments.of("objection decision 7 days: Christmas Fri, weekend → Monday", "2026-12-18T10:00", 7, "2026-12-28"),
                Arguments.of("requester's objection 30 days: Sat, Sun → Monday", "2026-09-10T14:00", 30, "2026-10-12"),
                Arguments.of("administrative appeal 90 days across February", "2026-01-02T10:00", 90, "2026-04-02"),
                Arguments.of("leap year: 30 days across 29 Feb 2028, Saturday → Monday", "2028-02-10T10:00", 30, "2028-03-13"),
                Arguments.of("common year: the same 30 days in 2027 end a day earlier", "2027-02-10T10:00", 30, "2027-03-12"),
                Arguments.of("leap day itself can be the last day", "2028-02-19T10:00", 10, "2028-02-29"),
                Arguments.of("election day 2026 (Wed 3 Jun) → Thursday", "2026-05-24T10:00", 10, "2026-06-04"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lastDayFollowsTheCivilAct(String what, String start, int days, String expected) {
        var deadline = CivilPeriods.days(seoul(start), days, KOREA, "test", "시작", "start");
        assertThat(deadline.lastDay()).as(what).isEqualTo(LocalDate.parse(expected));
        assertThat(deadline.endsAt()).isEqualTo(LocalDate.parse(expected).plusDays(1).atStartOfDay(CivilPeriods.SEOUL).toInstant());
    }

    @Test
    void explanationNamesTheDaysThatPushedTheEnd() {
        var deadline = CivilPeriods.days(seoul("2026-02-05T10:00"), 10, KOREA, "정보공개법 제11조 제1항",
                "청구서 접수", "receipt of the request");
        assertThat(deadline.nominalLastDay()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(deadline.pushedBy()).extracting(Deadline.Pushed::date).containsExactly(
                LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18));
        assertThat(deadline.pushedBy().get(0).reasonEn()).isEqualTo("Sunday");
        assertThat(deadline.pushedBy().get(2).reasonKo()).contains("설날");
        assertThat(deadline.explanationKo()).contains("첫날은 산입하지 않습니다", "2026-02-06", "2026-02-19", "설날", "제161조");
        assertThat(deadline.explanationEn()).contains("first day is not counted", "2026-02-15", "2026-02-19", "Seollal", "Art. 161");
    }

    @Test
    void extensionCountsFromTheEndOfTheFirstPeriod() {
        var first = CivilPeriods.days(seoul("2026-03-04T10:00"), 10, KOREA, "r", "e", "e");
        // The first period ends at 24:00 on 16 March; the extension starts at 00:00 on 17 March, so that day counts.
        var extended = CivilPeriods.days(first.endsAt(), 10, KOREA, "r", "e", "e");
        assertThat(extended.firstDayCounted()).isTrue();
        assertThat(extended.lastDay()).isEqualTo(LocalDate.of(2026, 3, 26));
    }

    @Test
    void workingDaysBeforeSkipHolidaysAndWeekends() {
        assertThat(KOREA.workingDaysBefore(LocalDate.of(2026, 2, 19), 2)).isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(KOREA.workingDaysBefore(LocalDate.of(2026, 3, 19), 2)).isEqualTo(LocalDate.of(2026, 3, 17));
    }

    @Test
    void addingAHolidayOnTheLastDayMovesTheDeadline() {
        var start = seoul("2026-03-09T10:00");
        assertThat(CivilPeriods.days(start, 10, KOREA, "r", "e", "e").lastDay()).isEqualTo(LocalDate.of(2026, 3, 19));
        var more = new ArrayList<>(KoreanHolidays.Y2025_TO_2027);
        more.add(new Holiday(LocalDate.of(2026, 3, 19), "임시공휴일", "Temporary holiday"));
        assertThat(CivilPeriods.days(start, 10, HolidayCalendar.of(more), "r", "e", "e").lastDay()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void randomStartsKeepTheInvariants() {
        long seed = System.nanoTime();
        System.out.println("CivilPeriodsTest.randomStartsKeepTheInvariants seed=" + seed);
        var random = new Random(seed);
        var from = seoul("2025-01-01T00:00").getEpochSecond();
        var to = seoul("2027-12-01T00:00").getEpochSecond();
        for (int i = 0; i < 5_000; i++) {
            var start = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            int days = 1 + random.nextInt(95);
            var deadline = CivilPeriods.days(start, days, KOREA, "r", "e", "e");
            var startDay = start.atZone(CivilPeriods.SEOUL).toLocalDate();
            var label = "seed=" + seed + " start=" + start + " days=" + days;
            assertThat(deadline.nominalLastDay()).as(label)
                    .isEqualTo(deadline.firstDayCounted() ? startDay.plusDays(days - 1L) : startDay.plusDays(days));
            assertThat(KOREA.isWorkingDay(deadline.lastDay())).as(label).isTrue();
            for (var d = deadline.nominalLastDay(); d.isBefore(deadline.lastDay()); d = d.plusDays(1)) {
                assertThat(KOREA.isWorkingDay(d)).as(label + " skipped a working day " + d).isFalse();
            }
            assertThat(deadline.pushedBy()).hasSize((int) (deadline.lastDay().toEpochDay() - deadline.nominalLastDay().toEpochDay()));
        }
    }
}
