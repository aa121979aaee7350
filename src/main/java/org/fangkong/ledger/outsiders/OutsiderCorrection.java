package org.fangkong.ledger.outsiders;

import java.time.LocalDate;

/**
 * What the grid worker confirms of a self-registered arrival, corrected where the arrival typed it
 * wrong: the place (a village or grid in their scope), origin, dates, address, household, purpose.
 */
public record OutsiderCorrection(String jurisdiction, String origin, String originCode, LocalDate arrivedOn,
                                 LocalDate leftKeyAreaOn, String address, Long householdId, String purpose) {
}
