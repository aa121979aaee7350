package org.fangkong.observation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A home observation order (居家隔离医学观察), masked. {@code day} is today's day of observation:
 * day 1 is the day after the anchor, day 14 the last; 0 before it starts, above 14 once the period
 * is over.
 */
public record ObservationOrder(long id, long personId, String name, String idNumber, String phone, Reason reason,
                               String reasonDetail, LocalDate anchorDate, String jurisdictionCode, String jurisdictionName,
                               Long householdId, String address, String gridWorker, String villageDoctor, Status status,
                               String source, Instant openedAt, int day, boolean morningDone, boolean eveningDone) {

    public enum Reason { CLOSE_CONTACT, KEY_AREA_ARRIVAL, OFFICER }

    public enum Status { ACTIVE, ESCALATED, RELEASED, TRANSFERRED }

    /** The last day of observation. */
    public LocalDate lastDay() {
        return anchorDate.plusDays(ObservationOrders.DAYS);
    }

    public boolean open() {
        return status == Status.ACTIVE || status == Status.ESCALATED;
    }
}
