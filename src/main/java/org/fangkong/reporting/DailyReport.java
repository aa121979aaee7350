package org.fangkong.reporting;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a unit's report for a day (日报告); {@code zero} marks an explicit zero report. */
public record DailyReport(long id, String unitCode, LocalDate day, int version, boolean current, boolean zero, Counts counts,
                          boolean late, String submittedBy, Instant submittedAt) {

    /** The counts docs/rules.md asks for. */
    public record Counts(int newFever, int newSuspected, int newConfirmed, int newCloseContacts, int homeObservation,
                         int centralObservation, int released, int keyAreaArrivals) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

        public boolean allZero() {
            return equals(ZERO);
        }
    }
}
