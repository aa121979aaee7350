package org.fangkong.reporting;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One version of a unit's report for a day (日报告); {@code zero} marks an explicit zero report. */
public record DailyReport(long id, String unitCode, LocalDate day, int version, boolean current, boolean zero, Counts counts,
                          boolean late, String submittedBy, Instant submittedAt) {

    /** The counts docs/rules.md asks for; {@code feverMedicineBuyers}: the pharmacies' register (发热咳嗽药品购买登记). */
    public record Counts(int newFever, int newSuspected, int newConfirmed, int newCloseContacts, int homeObservation,
                         int centralObservation, int released, int keyAreaArrivals, int feverMedicineBuyers) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** As sent over the API; clients from before the medicine register send no {@code feverMedicineBuyers}: 0. */
        @JsonCreator
        static Counts json(@JsonProperty("newFever") int newFever, @JsonProperty("newSuspected") int newSuspected,
                           @JsonProperty("newConfirmed") int newConfirmed, @JsonProperty("newCloseContacts") int newCloseContacts,
                           @JsonProperty("homeObservation") int homeObservation,
                           @JsonProperty("centralObservation") int centralObservation, @JsonProperty("released") int released,
                           @JsonProperty("keyAreaArrivals") int keyAreaArrivals,
                           @JsonProperty("feverMedicineBuyers") Integer feverMedicineBuyers) {
            return new Counts(newFever, newSuspected, newConfirmed, newCloseContacts, homeObservation, centralObservation, released,
                    keyAreaArrivals, feverMedicineBuyers == null ? 0 : feverMedicineBuyers);
        }

        public boolean allZero() {
            return equals(ZERO);
        }
    }
}
