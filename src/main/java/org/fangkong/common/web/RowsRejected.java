package org.fangkong.common.web;

import java.util.List;

/**
 * A file import refused as a whole: every bad row with its number (header = row 1), the column at
 * fault and the message key. Nothing of the file was written. Answered as a 400 problem listing
 * the rows ({@code errors[{row, field, message}]}, {@code rejectedRows}).
 */
public class RowsRejected extends RuntimeException {

    /** One bad row. */
    public record RowError(int row, String field, String messageKey) {
    }

    private final transient List<RowError> errors;

    public RowsRejected(List<RowError> errors) {
        super(errors.size() + " rows rejected");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
