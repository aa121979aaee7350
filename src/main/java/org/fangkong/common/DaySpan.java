package org.fangkong.common;

import java.time.LocalDate;

import org.fangkong.common.web.FieldException;

/** A span of days asked for (trends, histories): not backwards, at most so many days. */
public final class DaySpan {

    private DaySpan() {
    }

    /** Fails on {@code field} when {@code from} is after {@code to} or the span is longer than {@code maxDays}. */
    public static void check(LocalDate from, LocalDate to, int maxDays, String field) {
        if (from.isAfter(to) || from.plusDays(maxDays).isBefore(to)) {
            throw new FieldException(field, "validation.dayRange", maxDays);
        }
    }
}
