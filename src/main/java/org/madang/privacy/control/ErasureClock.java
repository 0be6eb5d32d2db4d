package org.madang.privacy.control;

import java.time.Instant;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.clock.Deadline;
import org.madang.platform.clock.HolidayCalendar;

/**
 * The deadline of an erasure request: PIPA Art. 36(2) with Enforcement Decree Art. 43(3), "within 10 days of
 * receiving the request", counted as the Civil Act counts days (Art. 157, 159, 161) with the public-holiday calendar,
 * by the platform's shared day counting ({@link CivilPeriods}).
 */
public final class ErasureClock {

    /** PIPA Enforcement Decree Art. 43(3): 10 days. */
    public static final int DAYS = 10;
    static final String RULE = "개인정보 보호법 제36조 제2항·시행령 제43조 제3항 / PIPA Art. 36(2), Enforcement Decree Art. 43(3)";

    private ErasureClock() {
    }

    public static Deadline deadline(Instant requestedAt, HolidayCalendar calendar) {
        return CivilPeriods.days(requestedAt, DAYS, calendar, RULE, "삭제 요구 접수", "receipt of the erasure request");
    }
}
