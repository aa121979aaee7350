package org.fangkong.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.fangkong.common.Workbooks.RawRow;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected;
import org.fangkong.common.web.RowsRejected.RowError;

/**
 * Every import checks its rows the same way: each row on its own, the first fault of a row named
 * by its column, and the file refused whole unless only the valid rows were asked for.
 */
public final class RowChecks {

    private RowChecks() {
    }

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
}
