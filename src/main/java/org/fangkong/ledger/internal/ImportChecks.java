package org.fangkong.ledger.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.fangkong.common.DayText;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected;
import org.fangkong.common.web.RowsRejected.RowError;
import org.fangkong.ledger.internal.LedgerWorkbooks.RawRow;

/**
 * The checks every ledger import makes on a row, naming the Chinese column at fault: the place is
 * a village, community or grid in the importer's scope (asked once per code), a date is a real
 * day and not in the future.
 */
public final class ImportChecks {

    private final LedgerScope scope;
    private final Actor actor;
    private final LocalDate today;
    private final Map<String, Boolean> places = new HashMap<>();

    /** The rows that passed their check, and the first fault of each other row, by row number. */
    public record Checked<T>(List<T> valid, List<RowError> errors) {

        /** A file with bad rows is refused whole (400, every fault listed) unless only the valid rows were asked for. */
        public Checked<T> orReject(boolean validRowsOnly) {
            if (!errors.isEmpty() && !validRowsOnly) {
                throw new RowsRejected(errors);
            }
            return this;
        }
    }

    /** Checks every row ({@code progress} may be null), a fault named by its field as the check threw it. */
    public static <T> Checked<T> each(List<RawRow> rows, Function<RawRow, T> check, JobProgress progress) {
        return each(rows, check, UnaryOperator.identity(), progress);
    }

    /** The same, a fault's field shown as {@code column} names it (a field of the form to a column of the sheet). */
    public static <T> Checked<T> each(List<RawRow> rows, Function<RawRow, T> check, UnaryOperator<String> column,
                                      JobProgress progress) {
        List<T> valid = new ArrayList<>(rows.size());
        List<RowError> errors = new ArrayList<>();
        if (progress != null) {
            progress.phase("checking", rows.size());
        }
        for (RawRow row : rows) {
            try {
                valid.add(check.apply(row));
            } catch (FieldException e) {
                errors.add(new RowError(row.number(), column.apply(e.field()), e.messageKey()));
            }
            if (progress != null && row.number() % 1_000 == 0) {
                progress.done(valid.size() + errors.size());
            }
        }
        return new Checked<>(valid, errors);
    }

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
