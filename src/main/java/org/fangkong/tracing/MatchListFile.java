package org.fangkong.tracing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fangkong.common.Uploads;
import org.fangkong.common.web.FieldException;

/**
 * A cross-matching list as uploaded: xlsx (first sheet) or csv (UTF-8, or GB18030 as Excel saves it
 * on a Chinese Windows). Columns are found by their header, in Chinese or English: 姓名, 身份证号
 * (证件号码), 手机号 (联系电话), 离开日期 (离开重点地区日期), 到达日期 (抵达日期). At least an ID-number or
 * a phone column is needed.
 */
final class MatchListFile {

    /** A row as read; number is the row in the sheet (1 = header). Dates stay text until checked. */
    record Line(int number, String name, String idNumber, String phone, String left, String arrived) {
    }

    static final int MAX_ROWS = 100_000;
    private static final String[][] HEADERS = {
            {"姓名", "name"},
            {"身份证", "证件号", "idnumber", "id number"},
            {"手机", "电话", "phone", "mobile"},
            {"离开", "出发", "left"},
            {"到达", "抵达", "arrived", "arrival"}};

    private MatchListFile() {
    }

    static List<Line> read(byte[] file, String fileName) {
        List<String[]> raw;
        try {
            raw = isXlsx(file) ? xlsx(file) : csv(file);
        } catch (FieldException e) {
            throw e; // a limit of Uploads: too many rows, or a zip that inflates beyond reason
        } catch (IOException | RuntimeException e) {
            throw new FieldException("file", "validation.matching.file");
        }
        if (raw.size() < 2) {
            throw new FieldException("file", "validation.import.empty");
        }
        if (raw.size() - 1 > MAX_ROWS) {
            throw new FieldException("file", "import.error.tooManyRows");
        }
        int[] column = columns(raw.get(0));
        if (column[1] < 0 && column[2] < 0) {
            throw new FieldException("file", "validation.matching.columns");
        }
        List<Line> lines = new ArrayList<>(raw.size() - 1);
        for (int r = 1; r < raw.size(); r++) {
            String[] cells = raw.get(r);
            Line line = new Line(r + 1, cell(cells, column[0]), cell(cells, column[1]), cell(cells, column[2]),
                    cell(cells, column[3]), cell(cells, column[4]));
            if (!(line.name() + line.idNumber() + line.phone() + line.left() + line.arrived()).isBlank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        return lines;
    }

    private static int[] columns(String[] header) {
        int[] column = {-1, -1, -1, -1, -1};
        for (int c = 0; c < header.length; c++) {
            String h = header[c] == null ? "" : header[c].strip().toLowerCase();
            for (int k = 0; k < HEADERS.length; k++) {
                for (String word : HEADERS[k]) {
                    if (column[k] < 0 && !h.isEmpty() && h.contains(word)) {
                        column[k] = c;
                    }
                }
            }
        }
        return column;
    }

    private static String cell(String[] cells, int c) {
        return c < 0 || c >= cells.length || cells[c] == null ? "" : cells[c].strip();
    }

    private static boolean isXlsx(byte[] file) {
        return file.length > 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    private static List<String[]> xlsx(byte[] file) throws IOException {
        Uploads.checkZip(file);
        List<String[]> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file));
             var stream = wb.getFirstSheet().openStream()) {
            stream.forEach((Row row) -> {
                Uploads.row(row.getRowNum()); // before padding: a row stated far down must not allocate the gap
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(new String[0]); // keep row numbers as the sheet shows them
                }
                String[] cells = new String[row.getCellCount()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = text(row.getCell(c));
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal n = cell.asNumber();
            // an Excel date serial (days since 1900) in a date column reads as a plain number
            if (n.scale() <= 0 && n.compareTo(BigDecimal.valueOf(20_000)) > 0 && n.compareTo(BigDecimal.valueOf(80_000)) < 0) {
                return cell.asDate().toLocalDate().toString();
            }
            return n.stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText();
    }

    private static List<String[]> csv(byte[] file) throws CharacterCodingException {
        String text = decode(file);
        List<String[]> rows = new ArrayList<>();
        // line by line, counted as read: a file of millions of empty lines stops at the limit
        for (Iterator<String> lines = text.lines().iterator(); lines.hasNext(); ) {
            Uploads.row(rows.size() + 1L);
            rows.add(lines.next().split("[,\t]", -1));
        }
        while (!rows.isEmpty() && String.join("", rows.get(rows.size() - 1)).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static String decode(byte[] file) throws CharacterCodingException {
        int start = file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(file, start, file.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            bytes.rewind();
            return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(bytes).toString();
        }
    }
}
