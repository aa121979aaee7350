package org.fangkong.observation;

import java.time.LocalDate;

import org.springframework.modulith.events.Externalized;

/**
 * A home observation order was opened (居家观察开始). No personal data: the order's id, its village and why.
 * With Kafka on, sent to the topic {@code fangkong.observation-orders.v1}, keyed by the village code
 * (docs/scale.md, "Events for other systems").
 */
@Externalized("fangkong.observation-orders.v1::#{#this.jurisdictionCode()}")
public record ObservationOrderOpened(long orderId, String jurisdictionCode, ObservationOrder.Reason reason, LocalDate anchorDate) {
}
