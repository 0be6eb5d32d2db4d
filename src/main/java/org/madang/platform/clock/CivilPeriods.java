package org.madang.platform.clock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Periods counted in days under the Korean Civil Act: the first day is not counted unless the period starts at 00:00
 * (Article 157); the period ends at the end of its last day (Article 159); a period whose last day is a Saturday,
 * Sunday or public holiday ends on the next day that is none of these (Article 161). Days are Asia/Seoul days.
 */
public final class CivilPeriods {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private CivilPeriods() {
    }

    /**
     * The deadline of a period of {@code days} days that starts with an event at {@code start}.
     *
     * @param rule     a short name of the rule in both languages, e.g. "정보공개법 제11조 제1항 / Information Disclosure Act Art. 11(1)"
     * @param eventKo  the start event in Korean ("청구서 접수")
     * @param eventEn  the start event in English ("receipt of the request")
     */
    public static Deadline days(Instant start, int days, HolidayCalendar calendar, String rule, String eventKo, String eventEn) {
        if (days < 1) throw new IllegalArgumentException("A period has at least one day: " + days);
        var local = start.atZone(SEOUL);
        boolean firstDayCounted = local.toLocalTime().equals(LocalTime.MIDNIGHT);
        LocalDate firstCounted = firstDayCounted ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        LocalDate nominal = firstCounted.plusDays(days - 1L);
        List<Deadline.Pushed> pushed = new ArrayList<>();
        LocalDate last = nominal;
        while (!calendar.isWorkingDay(last)) {
            pushed.add(reason(last, calendar));
            last = last.plusDays(1);
        }
        Instant endsAt = last.plusDays(1).atStartOfDay(SEOUL).toInstant();
        return new Deadline(rule, start, days, firstDayCounted, firstCounted, nominal, last, endsAt, pushed,
                explainKo(local.toLocalDate(), eventKo, days, firstDayCounted, firstCounted, nominal, last, pushed, rule),
                explainEn(local.toLocalDate(), eventEn, days, firstDayCounted, firstCounted, nominal, last, pushed, rule));
    }

    private static Deadline.Pushed reason(LocalDate day, HolidayCalendar calendar) {
        var holiday = calendar.holidayOn(day);
        if (holiday.isPresent()) return new Deadline.Pushed(day, holiday.get().nameKo() + "(공휴일)", holiday.get().nameEn() + " (public holiday)");
        return day.getDayOfWeek() == DayOfWeek.SATURDAY
                ? new Deadline.Pushed(day, "토요일", "Saturday")
                : new Deadline.Pushed(day, "일요일", "Sunday");
    }

    private static String explainKo(LocalDate startDay, String event, int days, boolean firstDayCounted, LocalDate first,
                                    LocalDate nominal, LocalDate last, List<Deadline.Pushed> pushed, String rule) {
        var text = new StringBuilder();
        text.append(rule).append(": ").append(event).append('(').append(startDay).append(")부터 ").append(days).append("일. ");
        text.append(firstDayCounted ? "0시에 시작하여 첫날을 산입합니다(민법 제157조 단서). " : "첫날은 산입하지 않습니다(민법 제157조). ");
        text.append(first).append("부터 세어 ").append(nominal).append("이 말일입니다(민법 제159조). ");
        if (!pushed.isEmpty()) {
            text.append("말일이 ");
            for (int i = 0; i < pushed.size(); i++) {
                if (i > 0) text.append(", ");
                text.append(pushed.get(i).date()).append(' ').append(pushed.get(i).reasonKo());
            }
            text.append("이므로 그 다음 날인 ").append(last).append("에 기간이 만료합니다(민법 제161조). ");
        }
        text.append("기한: ").append(last).append(" 24:00(한국 시각)까지.");
        return text.toString();
    }

    private static String explainEn(LocalDate startDay, String event, int days, boolean firstDayCounted, LocalDate first,
                                    LocalDate nominal, LocalDate last, List<Deadline.Pushed> pushed, String rule) {
        var text = new StringBuilder();
        text.append(rule).append(": ").append(days).append(" days from ").append(event).append(" (").append(startDay).append("). ");
        text.append(firstDayCounted ? "The period starts at 00:00, so the first day counts (Civil Act Art. 157 proviso). "
                : "The first day is not counted (Civil Act Art. 157). ");
        text.append("Counting from ").append(first).append(", the last day is ").append(nominal).append(" (Art. 159). ");
        if (!pushed.isEmpty()) {
            text.append("That day is not a working day (");
            for (int i = 0; i < pushed.size(); i++) {
                if (i > 0) text.append(", ");
                text.append(pushed.get(i).date()).append(' ').append(pushed.get(i).reasonEn());
            }
            text.append("), so the period ends on the next working day, ").append(last).append(" (Art. 161). ");
        }
        text.append("Deadline: end of ").append(last).append(" (Korea time).");
        return text.toString();
    }
}
