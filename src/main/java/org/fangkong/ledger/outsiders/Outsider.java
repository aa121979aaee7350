package org.fangkong.ledger.outsiders;

import java.time.LocalDate;

/** A row of the outsider ledger (外来人员登记台账), masked. */
public record Outsider(long id, String jurisdictionCode, long personId, String name, String idNumber, String phone,
                       String origin, String originCode, boolean fromKeyArea, LocalDate arrivedOn,
                       LocalDate leftKeyAreaOn, String address, Long householdId, String purpose, LocalDate leftOn) {
}
