package org.fangkong.ledger.checkpoints;

import java.time.LocalDateTime;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.Workbooks;
import org.fangkong.ledger.internal.LedgerEnums;

/** A checkpoint's passage log (卡口登记台账) as xlsx, masked as on screen; the import reads the same columns. */
final class PassageWorkbook {

    static final String[] HEADERS = {"时间", "进/出", "姓名", "身份证号", "手机号", "本村居民", "从何处来", "到谁家",
            "事由", "车牌号", "体温", "处置", "登记人"};

    private PassageWorkbook() {
    }

    static byte[] xlsx(List<Passage> rows) {
        return Workbooks.sheet("卡口登记台账", HEADERS, rows, p -> new Object[] {LocalDateTime.ofInstant(p.at(), ShanghaiTime.ZONE),
                p.direction() == LedgerEnums.Direction.IN ? "进" : "出", p.name(), p.idNumber(), p.phone(), p.resident() ? "是" : "否",
                p.origin(), p.host(), p.purpose(), p.plate(), p.temperature(), p.refused() ? "禁止进入" : "", p.recordedBy()});
    }
}
