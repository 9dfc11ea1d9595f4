package org.hotline.reports.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A generated report, as the list page shows it.
 *
 * @param from        first day
 * @param to          last day
 * @param finishedAt  when it was generated
 * @param calls       calls offered in the period
 * @param requestedBy nightly, catch-up or command
 */
public record ReportRun(LocalDate from, LocalDate to, Instant finishedAt, long calls, String requestedBy) {
    public String periodId() {
        return from.equals(to) ? from.toString() : from + "_" + to;
    }
}
