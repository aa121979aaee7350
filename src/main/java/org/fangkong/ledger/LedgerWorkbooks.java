package org.fangkong.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.XlsxCells;

/**
 * The outsider ledger and a checkpoint's passage log as xlsx with the Chinese headers of the paper
 * ledgers, masked as on screen.
 */
final class LedgerWorkbooks {

    static final String[] OUTSIDER_HEADERS = {"村（社区）/网格代码", "姓名", "身份证号", "手机号", "从何地来", "来源地代码",
            "是否来自重点地区", "到达日期", "离开重点地区日期", "住址", "事由", "离开日期"};
    static final String[] PASSAGE_HEADERS = {"时间", "进/出", "姓名", "身份证号", "手机号", "本村居民", "从何处来", "到谁家",
            "事由", "车牌号", "体温", "处置", "登记人"};

    private LedgerWorkbooks() {
    }

    static byte[] outsiders(List<Outsider> rows) {
        return sheet("外来人员登记台账", OUTSIDER_HEADERS, rows, o -> new Object[] {o.jurisdictionCode(), o.name(), o.idNumber(),
                o.phone(), o.origin(), o.originCode(), o.fromKeyArea() ? "是" : "否", o.arrivedOn(), o.leftKeyAreaOn(), o.address(),
                o.purpose(), o.leftOn()});
    }

    static byte[] passages(List<Passage> rows) {
        return sheet("卡口登记台账", PASSAGE_HEADERS, rows, p -> new Object[] {LocalDateTime.ofInstant(p.at(), ShanghaiTime.ZONE),
                p.direction() == LedgerEnums.Direction.IN ? "进" : "出", p.name(), p.idNumber(), p.phone(), p.resident() ? "是" : "否",
                p.origin(), p.host(), p.purpose(), p.plate(), p.temperature(), p.refused() ? "禁止进入" : "", p.recordedBy()});
    }

    static <T> byte[] sheet(String name, String[] headers, List<T> rows, Function<T, Object[]> cells) {
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
}
