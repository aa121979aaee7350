package org.fangkong.ledger.residents;

import java.time.LocalDate;

import org.fangkong.ledger.internal.LedgerEnums;

/** A member of a household (人员构成台账 row), masked as screens show it; age and sex come from the ID. */
public record Resident(long id, long householdId, String address, String jurisdictionCode, long personId, long recordId, String name,
                       String idNumber, String phone, String sex, Integer age, LedgerEnums.Relation relation,
                       LedgerEnums.Residence residence, LedgerEnums.Health health, boolean fromKeyArea,
                       LocalDate leftKeyAreaOn, LocalDate movedOutOn) {
}
