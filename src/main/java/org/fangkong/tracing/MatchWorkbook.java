package org.fangkong.tracing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.XlsxCells;

/** A matched list's results as xlsx: what the list said in full, and where Fangkong placed each person. */
final class MatchWorkbook {

    static final String[] HEADERS = {"行号", "姓名", "身份证号", "手机号", "离开日期", "到达日期", "比对结果", "来源", "所在辖区", "住址",
            "最近扫码场所", "最近扫码时间", "最近经过卡口", "经过卡口时间", "核查完成时间", "核查说明", "问题"};
    static final Map<String, String> RESULTS = Map.of("MATCHED", "已匹配", "UNMATCHED", "未匹配", "INVALID", "数据有误");
    static final Map<String, String> SOURCES = Map.of("RESIDENT", "常住人员台账", "OUTSIDER", "外来人员台账",
            "CHECKPOINT", "卡口登记", "CHECKIN", "扫码登记", "PERSON", "人员库");

    record Line(int row, String name, String idNumber, String phone, LocalDate leftOn, LocalDate arrivedOn, String result,
                String source, String jurisdictionName, String address, String venueName, Instant lastSeenAt,
                String checkpointName, Instant passedAt, Instant doneAt, String note, String errorField, String errorKey) {
    }

    private MatchWorkbook() {
    }

    static byte[] xlsx(MatchList list, List<Line> lines, UnaryOperator<String> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Fangkong", "1.0");
            Worksheet ws = wb.newWorksheet("比对结果");
            ws.value(0, 0, "名单：" + list.name() + "，共 " + list.total() + " 行，匹配 " + list.matched() + " 行，有误 "
                    + list.invalid() + " 行，上传 " + ShanghaiTime.format(list.uploadedAt()));
            for (int c = 0; c < HEADERS.length; c++) {
                ws.value(1, c, HEADERS[c]);
                ws.style(1, c).bold().set();
            }
            int r = 2;
            for (Line l : lines) {
                ws.value(r, 0, l.row());
                ws.value(r, 1, l.name());
                ws.value(r, 2, l.idNumber());
                ws.value(r, 3, l.phone());
                XlsxCells.day(ws, r, 4, l.leftOn());
                XlsxCells.day(ws, r, 5, l.arrivedOn());
                ws.value(r, 6, RESULTS.get(l.result()));
                ws.value(r, 7, l.source() == null ? null : SOURCES.get(l.source()));
                ws.value(r, 8, l.jurisdictionName());
                ws.value(r, 9, l.address());
                ws.value(r, 10, l.venueName());
                XlsxCells.time(ws, r, 11, l.lastSeenAt());
                ws.value(r, 12, l.checkpointName());
                XlsxCells.time(ws, r, 13, l.passedAt());
                XlsxCells.time(ws, r, 14, l.doneAt());
                ws.value(r, 15, l.note());
                if (l.errorKey() != null) {
                    ws.value(r, 16, words.apply("matching.column." + l.errorField()) + "：" + words.apply(l.errorKey()));
                }
                r++;
            }
            XlsxCells.widths(ws, 6, 10, 21, 14, 12, 12, 10, 14, 24, 20, 20, 17, 16, 17, 17, 20, 30);
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
