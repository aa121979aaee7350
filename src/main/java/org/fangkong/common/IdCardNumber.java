package org.fangkong.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * A resident ID card number (居民身份证号): 6-digit area code, 8-digit real birth date not in the
 * future, 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character. Lower-case x is
 * accepted and kept upper-case.
 */
public record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public IdCardNumber {
        if (value == null || !value.matches("\\d{17}[\\dX]")) {
            throw new InvalidValueException("validation.id.format");
        }
        if (birthDateOf(value) == null) {
            throw new InvalidValueException("validation.id.birthDate");
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw new InvalidValueException("validation.id.checksum");
        }
    }

    public static IdCardNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException("validation.id.required");
        }
        return new IdCardNumber(input.strip().toUpperCase());
    }

    /** The MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String areaCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    /** {@code 370102********123X}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDateOf(String value) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            boolean plausible = date.getYear() >= 1880 && !date.isAfter(LocalDate.now(CHINA));
            return plausible ? date : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
