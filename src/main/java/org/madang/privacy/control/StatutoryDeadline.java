package org.madang.privacy.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a statutory period that starts with a request ends. Kept behind this interface so that the platform's
 * statutory clock (with public holidays) can replace {@link WeekendRollingDeadline} at integration.
 */
public interface StatutoryDeadline {
    LocalDate dueDate(Instant received, int days);
}
