package org.fangkong.observation;

import java.time.LocalDate;

/**
 * An officer recorded what became of an observation alert. With {@code suspectedCase} the case
 * registry opens a suspected case for the person, linked to the order.
 */
public record ObservationOutcome(long alertId, long orderId, long personId, long recordId, String jurisdictionCode,
                                 ObservationAlert.Outcome outcome, boolean suspectedCase, LocalDate on, String by) {
}
