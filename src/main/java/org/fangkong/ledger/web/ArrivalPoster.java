package org.fangkong.ledger.web;

import java.util.List;

import com.lowagie.text.Font;
import org.fangkong.common.pdf.CjkFonts;
import org.fangkong.common.pdf.QrPoster;

/**
 * The A4 poster for stations and highway exits (外来人员请扫码登记): the QR code opens the
 * self-registration page with the poster's area preselected, so an arrival at 青岛站 starts at 青岛市.
 */
final class ArrivalPoster {

    private ArrivalPoster() {
    }

    static byte[] pdf(String placeName, String url) {
        Font steps = CjkFonts.font(18, Font.NORMAL);
        return QrPoster.pdf(placeName + " 外来人员扫码登记",
                List.of(CjkFonts.centered("外来人员请扫码登记", CjkFonts.font(36, Font.BOLD), 6),
                        CjkFonts.centered("到达" + placeName, CjkFonts.font(26, Font.BOLD), 14)),
                url,
                List.of(CjkFonts.centered("① 用手机扫一扫上方二维码", steps, 4),
                        CjkFonts.centered("② 选择要去的村（社区），填写姓名、身份证号、手机号", steps, 4),
                        CjkFonts.centered("③ 到达后村（社区）网格员会与您联系", steps, 4),
                        CjkFonts.centered("来自重点地区的，到达后请居家，等待联系。", CjkFonts.font(14, Font.NORMAL), 18),
                        CjkFonts.centered(url, CjkFonts.font(10, Font.NORMAL), 2)));
    }
}
