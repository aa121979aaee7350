package org.fangkong.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A reading with a fever or a listed symptom escalated an order: the township health centre is alerted. */
public record ObservationEscalated(long alertId, long orderId, long personId, String jurisdictionCode,
                                   BigDecimal temperature, List<Symptom> symptoms, Instant at) {
}
