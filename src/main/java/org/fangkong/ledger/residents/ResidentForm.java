package org.fangkong.ledger.residents;

import java.time.LocalDate;

/** A new or edited household member, as typed. */
public record ResidentForm(String name, String idNumber, String phone, String relation, String residence, String health,
                           Boolean fromKeyArea, LocalDate leftKeyAreaOn) {

    /** The same with the key-area flag settled (an unticked checkbox sends nothing). */
    public ResidentForm withFromKeyArea(boolean fromKeyArea) {
        return new ResidentForm(name, idNumber, phone, relation, residence, health, fromKeyArea, leftKeyAreaOn);
    }
}
