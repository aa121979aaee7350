package org.fangkong.ledger.residents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fangkong.common.Workbooks.RawRow;
import org.fangkong.common.Workbooks;
import org.fangkong.common.XlsxCells;
import org.fangkong.ledger.internal.LedgerEnums.Health;
import org.fangkong.ledger.internal.LedgerEnums.Relation;
import org.fangkong.ledger.internal.LedgerEnums.Residence;

/**
 * The resident ledger (人员构成台账) as the xlsx a grid worker keeps: one row per household member,
 * Chinese headers and Chinese values, the same layout out and in. 性别 and 年龄 come from the ID
 * number and are ignored on the way in.
 */
public final class ResidentWorkbook {

    static final String SHEET = "人员构成台账";
    public static final String[] HEADERS = {"村（社区）/网格代码", "楼栋/院落", "门牌号", "姓名", "身份证号", "手机号", "性别", "年龄",
            "与户主关系", "户籍类型", "健康状况", "是否来自重点地区", "离开重点地区日期", "迁出日期"};
    static final Map<Relation, String> RELATIONS = new EnumMap<>(Map.of(Relation.HEAD, "户主", Relation.SPOUSE, "配偶",
            Relation.CHILD, "子女", Relation.PARENT, "父母", Relation.GRANDCHILD, "孙子女", Relation.SIBLING, "兄弟姐妹",
            Relation.OTHER_RELATIVE, "其他亲属", Relation.TENANT, "租户", Relation.OTHER, "其他"));
    static final Map<Residence, String> RESIDENCES = new EnumMap<>(Map.of(Residence.REGISTERED, "户籍",
            Residence.LIVING, "常住", Residence.TENANT, "租住"));
    static final Map<Health, String> HEALTH = new EnumMap<>(Map.of(Health.HEALTHY, "健康", Health.FEVER, "发热",
            Health.UNDER_OBSERVATION, "医学观察", Health.SICK, "患病", Health.OTHER, "其他"));

    /** A member with the full (unmasked) identity, as exported and as read back. */
    record Line(String place, String building, String address, String name, String idNumber, String phone, String sex,
                Integer age, Relation relation, Residence residence, Health health, boolean fromKeyArea,
                LocalDate leftKeyAreaOn, LocalDate movedOutOn) {
    }


    private ResidentWorkbook() {
    }

    static byte[] write(List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Fangkong", "1.0");
            Worksheet ws = wb.newWorksheet(SHEET);
            for (int c = 0; c < HEADERS.length; c++) {
                ws.value(0, c, HEADERS[c]);
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (Line l : lines) {
                ws.value(r, 0, l.place());
                ws.value(r, 1, l.building());
                ws.value(r, 2, l.address());
                ws.value(r, 3, l.name());
                ws.value(r, 4, l.idNumber() == null ? "" : l.idNumber());
                ws.value(r, 5, l.phone() == null ? "" : l.phone());
                ws.value(r, 6, l.sex() == null ? "" : "M".equals(l.sex()) ? "男" : "女");
                if (l.age() != null) {
                    ws.value(r, 7, l.age());
                }
                ws.value(r, 8, RELATIONS.get(l.relation()));
                ws.value(r, 9, RESIDENCES.get(l.residence()));
                ws.value(r, 10, HEALTH.get(l.health()));
                ws.value(r, 11, l.fromKeyArea() ? "是" : "否");
                XlsxCells.day(ws, r, 12, l.leftKeyAreaOn());
                XlsxCells.day(ws, r, 13, l.movedOutOn());
                r++;
            }
            XlsxCells.widths(ws, 16, 12, 14, 10, 21, 14, 6, 6, 10, 10, 10, 10, 14, 12);
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The data rows of the resident ledger's first sheet. */
    static List<RawRow> read(byte[] xlsx) {
        return Workbooks.read(xlsx, HEADERS.length, c -> c >= 12);
    }
}
