package org.fangkong.ledger.checkpoints;

import java.time.Instant;

import org.fangkong.ledger.internal.LedgerEnums;

/** A checkpoint (卡口) of a village or community: a road block, a compound gate, a toll station. */
public record Checkpoint(long id, String jurisdictionCode, String jurisdictionName, String name,
                         LedgerEnums.CheckpointKind kind, String location, Instant closedAt) {
}
