package org.fangkong.ledger;

import java.time.LocalDate;

/**
 * An outsider was registered. With {@code fromKeyArea} the observation module opens a 14-day home
 * observation anchored on {@code leftKeyAreaOn} (RULES.md), else on {@code arrivedOn}.
 */
public record OutsiderRegistered(long outsiderId, long personId, String jurisdictionCode, String origin, String originCode,
                                 boolean fromKeyArea, LocalDate arrivedOn, LocalDate leftKeyAreaOn, Long householdId) {
}
