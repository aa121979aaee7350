package org.fangkong.ledger.outsiders;

import java.time.LocalDate;

/**
 * A row of the outsider ledger (外来人员登记台账), masked. {@code selfRegistered}: the arrival
 * registered on the public page (来青人员登记); {@code toConfirm}: and the grid worker has not yet
 * confirmed it, so it opens nothing and counts nowhere.
 */
public record Outsider(long id, String jurisdictionCode, long personId, String name, String idNumber, String phone,
                       String origin, String originCode, boolean fromKeyArea, LocalDate arrivedOn,
                       LocalDate leftKeyAreaOn, String address, Long householdId, String purpose, LocalDate leftOn,
                       boolean selfRegistered, boolean toConfirm) {
}
