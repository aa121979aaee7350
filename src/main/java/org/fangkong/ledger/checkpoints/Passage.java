package org.fangkong.ledger.checkpoints;

import java.math.BigDecimal;
import java.time.Instant;

import org.fangkong.ledger.internal.LedgerEnums;

/**
 * A row of the passage log (卡口登记台账), masked. {@code refused}: entry refused for a fever, which
 * raised alert {@code alertId} to the township.
 */
public record Passage(long id, long checkpointId, Instant at, LedgerEnums.Direction direction, long personId, String name,
                      String idNumber, String phone, boolean resident, String origin, String host, String purpose,
                      String plate, BigDecimal temperature, boolean refused, Long alertId, String recordedBy) {
}
