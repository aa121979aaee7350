package org.fangkong.ledger.outsiders;

import java.time.LocalDate;

/** An outsider as registered at the village: who, from where, when, staying where, why. */
public record OutsiderForm(String jurisdiction, String name, String idNumber, String phone, String origin,
                           String originCode, LocalDate arrivedOn, LocalDate leftKeyAreaOn, String address,
                           Long householdId, String purpose) {
}
