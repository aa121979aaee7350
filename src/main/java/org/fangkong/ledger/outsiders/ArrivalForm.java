package org.fangkong.ledger.outsiders;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An arrival's self-registration (来青人员登记) as typed on the public page: who, coming from where
 * (free text, a division code if known), arriving when, staying in which village at which address.
 */
public record ArrivalForm(String village, String name, String idNumber, String phone, String origin, String originCode,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivedOn, String address) {
}
