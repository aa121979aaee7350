package org.fangkong.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.dhatim.fastexcel.Worksheet;

/** Cells every exported workbook writes the same way: days and Asia/Shanghai times with their formats, column widths. */
public final class XlsxCells {

    private XlsxCells() {
    }

    /** A day as an Excel date (yyyy-mm-dd); nothing for null. */
    public static void day(Worksheet ws, int r, int c, LocalDate d) {
        if (d != null) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
        }
    }

    /** A local date-time as an Excel date-time (yyyy-mm-dd hh:mm); nothing for null. */
    public static void time(Worksheet ws, int r, int c, LocalDateTime t) {
        if (t != null) {
            ws.value(r, c, t);
            ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
        }
    }

    /** An instant as Asia/Shanghai local time; nothing for null. */
    public static void time(Worksheet ws, int r, int c, Instant t) {
        time(ws, r, c, t == null ? null : LocalDateTime.ofInstant(t, ShanghaiTime.ZONE));
    }

    public static void widths(Worksheet ws, int... widths) {
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
    }
}
