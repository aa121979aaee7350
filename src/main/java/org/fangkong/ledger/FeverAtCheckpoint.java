package org.fangkong.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Someone arriving at a checkpoint had a fever (≥ 37.3 ℃): entry was refused and the township
 * alerted. Observation and reporting listen for it.
 */
public record FeverAtCheckpoint(long alertId, long passageId, long checkpointId, String jurisdictionCode, long personId,
                                BigDecimal temperature, Instant at) {
}
