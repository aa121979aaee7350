package org.fangkong.ledger.outsiders;

import java.util.List;

import org.fangkong.common.Workbooks;

/** The outsider ledger (外来人员登记台账) as xlsx, the paper ledger's columns; the import reads the same. */
final class OutsiderSheet {

    static final String[] HEADERS = {"村（社区）/网格代码", "姓名", "身份证号", "手机号", "从何地来", "来源地代码",
            "是否来自重点地区", "到达日期", "离开重点地区日期", "住址", "事由", "离开日期"};

    private OutsiderSheet() {
    }

    static byte[] xlsx(List<Outsider> rows) {
        return Workbooks.sheet("外来人员登记台账", HEADERS, rows, o -> new Object[] {o.jurisdictionCode(), o.name(), o.idNumber(),
                o.phone(), o.origin(), o.originCode(), o.fromKeyArea() ? "是" : "否", o.arrivedOn(), o.leftKeyAreaOn(), o.address(),
                o.purpose(), o.leftOn()});
    }
}
