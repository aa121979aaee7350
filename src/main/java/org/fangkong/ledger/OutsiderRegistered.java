package org.fangkong.ledger;

import java.time.LocalDate;

/**
 * An outsider was registered. With {@code fromKeyArea} the observation module opens a 14-day home
 * observation anchored on {@code leftKeyAreaOn} (docs/rules.md), else on {@code arrivedOn}; the order
 * keeps the identity the ledger recorded ({@code recordId}).
 */
public record OutsiderRegistered(long outsiderId, long personId, long recordId, String jurisdictionCode, String origin, String originCode,
                                 boolean fromKeyArea, LocalDate arrivedOn, LocalDate leftKeyAreaOn, Long householdId) {
}
