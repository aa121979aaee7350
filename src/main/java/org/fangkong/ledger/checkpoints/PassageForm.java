package org.fangkong.ledger.checkpoints;

import java.math.BigDecimal;

/** One passage as entered at the gate: who (a resident or a visitor), from where, to whom, why, temperature. */
public record PassageForm(String direction, String name, String idNumber, String phone, String origin, String host,
                          String purpose, String plate, BigDecimal temperature) {
}
