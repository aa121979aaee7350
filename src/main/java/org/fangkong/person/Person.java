package org.fangkong.person;

import java.time.LocalDate;

/** A person as screens show them: masked (张**, 370102********123X, 138****5678). */
public record Person(long id, String name, String idNumber, String phone, String sex, LocalDate birthDate) {
}
