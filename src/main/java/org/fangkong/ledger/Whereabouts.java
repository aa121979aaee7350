package org.fangkong.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where the ledgers place a person: the household they live in (resident) or were registered at
 * (outsider), and the last checkpoint they passed. Any part may be null.
 */
public record Whereabouts(long personId, String source, String jurisdictionCode, String jurisdictionName,
                          Long householdId, String address, LocalDate arrivedOn, String checkpointName,
                          String checkpointJurisdiction, Instant passedAt) {

    public boolean placed() {
        return jurisdictionCode != null;
    }
}
