package org.fangkong.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A body temperature as typed on a phone at the gate or the door (docs/ui.md): {@code 37.3}, {@code 37,3}
 * or {@code 373} (three digits without a point mean tenths). Checked to lie between 30.0 and 45.0 ℃.
 */
public final class Temperature {

    public static final BigDecimal LOWEST = new BigDecimal("30.0");
    public static final BigDecimal HIGHEST = new BigDecimal("45.0");

    private Temperature() {
    }

    /** The temperature to one decimal, or null for blank input; anything else out of range throws. */
    public static BigDecimal parseOrNull(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip().replace('，', '.').replace(',', '.').replace("℃", "").strip();
        try {
            BigDecimal value = t.matches("\\d{3}") ? new BigDecimal(t).movePointLeft(1) : new BigDecimal(t);
            return check(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("validation.passage.temperature");
        }
    }

    /** The value to one decimal if it is a plausible body temperature. */
    public static BigDecimal check(BigDecimal value) {
        if (value == null || value.compareTo(LOWEST) < 0 || value.compareTo(HIGHEST) > 0) {
            throw new InvalidValueException("validation.passage.temperature");
        }
        return value.setScale(1, RoundingMode.HALF_UP);
    }
}
