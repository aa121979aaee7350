package org.fangkong.ledger.checkpoints;

import java.math.BigDecimal;
import java.time.Instant;

/** A fever at a checkpoint on the township's alert list, open until someone records what was done. */
public record CheckpointAlert(long id, long passageId, String checkpointName, String jurisdictionCode,
                              String jurisdictionName, String name, String idNumber, String phone,
                              BigDecimal temperature, Instant raisedAt, Instant handledAt, String handledBy, String note) {
}
