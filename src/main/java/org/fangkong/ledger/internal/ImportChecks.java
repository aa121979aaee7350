package org.fangkong.ledger.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.fangkong.common.DayText;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;

/**
 * The checks every ledger import makes on a row (the row loop is common.RowChecks), naming the Chinese
 * column at fault: the place is
 * a village, community or grid in the importer's scope (asked once per code), a date is a real
 * day and not in the future.
 */
public final class ImportChecks {

    private final LedgerScope scope;
    private final Actor actor;
    private final LocalDate today;
    private final Map<String, Boolean> places = new HashMap<>();

    public ImportChecks(LedgerScope scope, Actor actor, LocalDate today) {
        this.scope = scope;
        this.actor = actor;
        this.today = today;
    }

    public String place(String code, String column) {
        boolean inScope = places.computeIfAbsent(code, c -> {
            try {
                scope.place(c, actor, "jurisdiction");
                return true;
            } catch (FieldException e) {
                return false;
            }
        });
        if (!inScope) {
            throw new FieldException(column, "validation.ledger.jurisdiction");
        }
        return code;
    }

    /** The day in {@code text}, or null when blank. */
    public LocalDate day(String text, String column) {
        LocalDate d;
        try {
            d = DayText.parseOrNull(text);
        } catch (IllegalArgumentException e) {
            throw new FieldException(column, "validation.import.date");
        }
        if (d != null && d.isAfter(today)) {
            throw new FieldException(column, "validation.import.futureDate");
        }
        return d;
    }
}
