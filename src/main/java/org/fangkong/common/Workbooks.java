package org.fangkong.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.fangkong.common.web.FieldException;

/**
 * Workbooks in and out (the ledgers, the enterprise registry): a sheet written with Chinese headers, and the
 * data rows of an uploaded one read as text, bounded while reading. Imports write in chunks of
 * {@link #CHUNK} rows.
 */
public final class Workbooks {

    /** Rows per chunk of an import: one statement per chunk for the people, one batch for the rows. */
    public static final int CHUNK = 5_000;


    private Workbooks() {
    }

    public static <T> byte[] sheet(String name, String[] headers, List<T> rows, Function<T, Object[]> cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Fangkong", "1.0");
            Worksheet ws = wb.newWorksheet(name);
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
                ws.style(0, c).bold().set();
                ws.width(c, 14);
            }
            int r = 1;
            for (T row : rows) {
                Object[] values = cells.apply(row);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v instanceof LocalDate d) {
                        XlsxCells.day(ws, r, c, d);
                    } else if (v instanceof LocalDateTime t) {
                        XlsxCells.time(ws, r, c, t);
                    } else if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v != null) {
                        ws.value(r, c, v.toString());
                    }
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A row as read: the raw text of each column, and its row number in the sheet (1 = header). */
    public record RawRow(int number, String[] cells) {
        public String cell(int i) {
            return i < cells.length && cells[i] != null ? cells[i].strip() : "";
        }
    }

    /**
     * The data rows of a ledger's first sheet ({@code columns} wide), as text, skipping blank rows;
     * a number in a date column (an Excel serial date) reads as yyyy-MM-dd. Bounded while reading
     * ({@link Uploads}): a zip bomb or a row far past the limit ends the read with a 400 on {@code file}.
     */
    public static List<RawRow> read(byte[] xlsx, int columns, IntPredicate dateColumn) {
        Uploads.checkZip(xlsx);
        List<RawRow> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getFirstSheet();
            try (var stream = sheet.openStream()) {
                stream.forEach(row -> {
                    Uploads.row(row.getRowNum());
                    if (row.getRowNum() == 1) {
                        return; // the header
                    }
                    String[] cells = new String[columns];
                    boolean blank = true;
                    for (int c = 0; c < columns; c++) {
                        cells[c] = text(row, c, dateColumn.test(c));
                        blank &= cells[c].isBlank();
                    }
                    if (!blank) {
                        rows.add(new RawRow(row.getRowNum(), cells));
                    }
                });
            }
        } catch (FieldException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FieldException("file", "validation.import.notXlsx");
        }
        return rows;
    }

    private static String text(Row row, int c, boolean dateColumn) {
        Optional<Cell> cell = row.getOptionalCell(c);
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            return "";
        }
        Cell x = cell.get();
        if (x.getType() == CellType.NUMBER) {
            BigDecimal n = x.asNumber();
            if (dateColumn) { // an Excel serial date
                LocalDateTime dt = x.asDate();
                return dt.toLocalTime().equals(LocalTime.MIDNIGHT) ? dt.toLocalDate().toString()
                        : dt.toLocalDate() + " " + dt.toLocalTime().withSecond(0).withNano(0);
            }
            return n.stripTrailingZeros().toPlainString();
        }
        return x.getText() == null ? "" : x.getText().strip();
    }

    public static <E extends Enum<E>> Optional<E> label(Map<E, String> labels, String text) {
        return labels.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey).findFirst();
    }

    public static LocalDate dateOrNull(String text) {
        return DayText.parseOrNull(text);
    }
}
