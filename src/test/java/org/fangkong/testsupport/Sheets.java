package org.fangkong.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** An xlsx file as a grid worker would type it: every cell text, the first row the header. */
public final class Sheets {

    private Sheets() {
    }

    public static byte[] xlsx(String[][] rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("台账");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
