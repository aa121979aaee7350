package org.fangkong.tracing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.XlsxCells;

/** The exposure list as an xlsx file an epidemiologist can sort and print (column headers in Chinese). */
public final class ExposureWorkbook {

    static final String[] HEADERS = {"场所", "指示病例到达", "指示病例离开", "手机号", "到达", "离开", "重叠分钟", "类别"};

    private ExposureWorkbook() {
    }

    public static byte[] xlsx(ExposureResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Fangkong", "1.0");
            Worksheet ws = wb.newWorksheet("接触者");
            ws.value(0, 0, "指示病例手机号 " + result.phone() + "，时间 " + ShanghaiTime.format(result.from()) + " 至 "
                    + ShanghaiTime.format(result.to()) + "，缓冲 " + result.bufferMinutes() + " 分钟，密接阈值 "
                    + result.closeMinutes() + " 分钟");
            for (int c = 0; c < HEADERS.length; c++) {
                ws.value(1, c, HEADERS[c]);
                ws.style(1, c).bold().set();
            }
            int r = 2;
            for (ExposureResult.ContactRow row : result.contacts().items()) {
                ws.value(r, 0, row.venueName());
                XlsxCells.time(ws, r, 1, row.indexCheckedInAt());
                XlsxCells.time(ws, r, 2, row.indexCheckedOutAt());
                ws.value(r, 3, row.phone());
                XlsxCells.time(ws, r, 4, row.checkedInAt());
                XlsxCells.time(ws, r, 5, row.checkedOutAt());
                ws.value(r, 6, row.overlapMinutes());
                ws.value(r, 7, row.contactClass() == ContactClass.CLOSE ? "密切接触" : "时空伴随");
                r++;
            }
            ws.width(0, 24);
            for (int c = 1; c < HEADERS.length; c++) {
                ws.width(c, c == 3 ? 16 : 18);
            }
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
