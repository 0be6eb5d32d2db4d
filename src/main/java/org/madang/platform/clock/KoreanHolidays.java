package org.madang.platform.clock;

import java.time.LocalDate;
import java.util.List;

/**
 * Korea's public holidays 2025–2027 as a plain list, for unit tests and as the documented origin of the seed rows in
 * the holiday table (V5__disclosure.sql). The application reads the table, not this list.
 */
public final class KoreanHolidays {

    private KoreanHolidays() {
    }

    public static final List<Holiday> Y2025_TO_2027 = List.of(
            h(2025, 1, 1, "신정", "New Year's Day"),
            h(2025, 1, 27, "임시공휴일", "Temporary holiday"),
            h(2025, 1, 28, "설날 연휴", "Seollal holiday"),
            h(2025, 1, 29, "설날", "Seollal"),
            h(2025, 1, 30, "설날 연휴", "Seollal holiday"),
            h(2025, 3, 1, "삼일절", "Independence Movement Day"),
            h(2025, 3, 3, "대체공휴일(삼일절)", "Substitute holiday (Independence Movement Day)"),
            h(2025, 5, 5, "어린이날·부처님오신날", "Children's Day and Buddha's Birthday"),
            h(2025, 5, 6, "대체공휴일", "Substitute holiday (Children's Day, Buddha's Birthday)"),
            h(2025, 6, 3, "제21대 대통령선거", "Presidential election day"),
            h(2025, 6, 6, "현충일", "Memorial Day"),
            h(2025, 8, 15, "광복절", "Liberation Day"),
            h(2025, 10, 3, "개천절", "National Foundation Day"),
            h(2025, 10, 5, "추석 연휴", "Chuseok holiday"),
            h(2025, 10, 6, "추석", "Chuseok"),
            h(2025, 10, 7, "추석 연휴", "Chuseok holiday"),
            h(2025, 10, 8, "대체공휴일(추석)", "Substitute holiday (Chuseok)"),
            h(2025, 10, 9, "한글날", "Hangeul Day"),
            h(2025, 12, 25, "성탄절", "Christmas Day"),
            h(2026, 1, 1, "신정", "New Year's Day"),
            h(2026, 2, 16, "설날 연휴", "Seollal holiday"),
            h(2026, 2, 17, "설날", "Seollal"),
            h(2026, 2, 18, "설날 연휴", "Seollal holiday"),
            h(2026, 3, 1, "삼일절", "Independence Movement Day"),
            h(2026, 3, 2, "대체공휴일(삼일절)", "Substitute holiday (Independence Movement Day)"),
            h(2026, 5, 5, "어린이날", "Children's Day"),
            h(2026, 5, 24, "부처님오신날", "Buddha's Birthday"),
            h(2026, 5, 25, "대체공휴일(부처님오신날)", "Substitute holiday (Buddha's Birthday)"),
            h(2026, 6, 3, "제9회 전국동시지방선거", "Local elections day"),
            h(2026, 6, 6, "현충일", "Memorial Day"),
            h(2026, 7, 17, "제헌절", "Constitution Day"),
            h(2026, 8, 15, "광복절", "Liberation Day"),
            h(2026, 8, 17, "대체공휴일(광복절)", "Substitute holiday (Liberation Day)"),
            h(2026, 9, 24, "추석 연휴", "Chuseok holiday"),
            h(2026, 9, 25, "추석", "Chuseok"),
            h(2026, 9, 26, "추석 연휴", "Chuseok holiday"),
            h(2026, 10, 3, "개천절", "National Foundation Day"),
            h(2026, 10, 5, "대체공휴일(개천절)", "Substitute holiday (National Foundation Day)"),
            h(2026, 10, 9, "한글날", "Hangeul Day"),
            h(2026, 12, 25, "성탄절", "Christmas Day"),
            h(2027, 1, 1, "신정", "New Year's Day"),
            h(2027, 2, 6, "설날 연휴", "Seollal holiday"),
            h(2027, 2, 7, "설날", "Seollal"),
            h(2027, 2, 8, "설날 연휴", "Seollal holiday"),
            h(2027, 2, 9, "대체공휴일(설날)", "Substitute holiday (Seollal)"),
            h(2027, 3, 1, "삼일절", "Independence Movement Day"),
            h(2027, 5, 5, "어린이날", "Children's Day"),
            h(2027, 5, 13, "부처님오신날", "Buddha's Birthday"),
            h(2027, 6, 6, "현충일", "Memorial Day"),
            h(2027, 7, 17, "제헌절", "Constitution Day"),
            h(2027, 7, 19, "대체공휴일(제헌절)", "Substitute holiday (Constitution Day)"),
            h(2027, 8, 15, "광복절", "Liberation Day"),
            h(2027, 8, 16, "대체공휴일(광복절)", "Substitute holiday (Liberation Day)"),
            h(2027, 9, 14, "추석 연휴", "Chuseok holiday"),
            h(2027, 9, 15, "추석", "Chuseok"),
            h(2027, 9, 16, "추석 연휴", "Chuseok holiday"),
            h(2027, 10, 3, "개천절", "National Foundation Day"),
            h(2027, 10, 4, "대체공휴일(개천절)", "Substitute holiday (National Foundation Day)"),
            h(2027, 10, 9, "한글날", "Hangeul Day"),
            h(2027, 10, 11, "대체공휴일(한글날)", "Substitute holiday (Hangeul Day)"),
            h(2027, 12, 25, "성탄절", "Christmas Day"),
            h(2027, 12, 27, "대체공휴일(성탄절)", "Substitute holiday (Christmas Day)"));

    private static Holiday h(int year, int month, int day, String ko, String en) {
        return new Holiday(LocalDate.of(year, month, day), ko, en);
    }
}
