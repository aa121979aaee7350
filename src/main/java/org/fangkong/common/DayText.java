package org.fangkong.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** A day as people type it in a spreadsheet: 2020-01-23, 2020/1/23 or 2020.1.23. */
public final class DayText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    private DayText() {
    }

    /** The day, or null for blank text; anything else that is not a real day throws IllegalArgumentException. */
    public static LocalDate parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip().replace('/', '-').replace('.', '-'), DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a day: " + text.length() + " characters");
        }
    }
}
