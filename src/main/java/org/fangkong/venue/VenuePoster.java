package org.fangkong.venue;

import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import org.fangkong.common.pdf.CjkFonts;
import org.fangkong.common.pdf.QrPoster;

/** The printable A4 poster for a venue's door: its name, the QR code and three steps in Chinese. */
final class VenuePoster {

    private VenuePoster() {
    }

    static byte[] pdf(Venue venue, String checkinUrl) {
        Font steps = CjkFonts.font(18, Font.NORMAL);
        Font small = CjkFonts.font(10, Font.NORMAL);
        List<Paragraph> below = new ArrayList<>(List.of(CjkFonts.centered("① 用手机扫一扫上方二维码", steps, 4),
                CjkFonts.centered("② 输入手机号，点“登记”", steps, 4),
                CjkFonts.centered("③ 向工作人员出示绿色“登记成功”页面", steps, 4),
                CjkFonts.centered("离开时请点“离开”。疫情防控，人人有责。", CjkFonts.font(14, Font.NORMAL), 18)));
        if (!venue.address().isBlank()) {
            below.add(CjkFonts.centered("地址：" + venue.address() + "（" + venue.jurisdictionName() + "）", small, 2));
        }
        below.add(CjkFonts.centered(checkinUrl, small, 2));
        return QrPoster.pdf(venue.name() + " 扫码登记",
                List.of(CjkFonts.centered("扫码登记", CjkFonts.font(40, Font.BOLD), 6),
                        CjkFonts.centered(venue.name(), CjkFonts.font(28, Font.BOLD), 14)),
                checkinUrl, below);
    }
}
