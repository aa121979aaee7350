package org.fangkong.venue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import org.fangkong.common.QrCodes;
import org.fangkong.common.pdf.CjkFonts;

/** The printable A4 poster for a venue's door: its name, the QR code and three steps in Chinese. */
final class VenuePoster {

    private VenuePoster() {
    }

    static byte[] pdf(Venue venue, String checkinUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(venue.name() + " 扫码登记");
            doc.open();
            doc.add(CjkFonts.centered("扫码登记", CjkFonts.font(40, Font.BOLD), 6));
            doc.add(CjkFonts.centered(venue.name(), CjkFonts.font(28, Font.BOLD), 14));
            Image qr = Image.getInstance(QrCodes.png(checkinUrl, 900));
            qr.scaleAbsolute(330, 330);
            qr.setAlignment(Element.ALIGN_CENTER);
            doc.add(qr);
            Font steps = CjkFonts.font(18, Font.NORMAL);
            doc.add(CjkFonts.centered("① 用手机扫一扫上方二维码", steps, 4));
            doc.add(CjkFonts.centered("② 输入手机号，点“登记”", steps, 4));
            doc.add(CjkFonts.centered("③ 向工作人员出示绿色“登记成功”页面", steps, 4));
            doc.add(CjkFonts.centered("离开时请点“离开”。疫情防控，人人有责。", CjkFonts.font(14, Font.NORMAL), 18));
            Font small = CjkFonts.font(10, Font.NORMAL);
            if (!venue.address().isBlank()) {
                doc.add(CjkFonts.centered("地址：" + venue.address() + "（" + venue.jurisdictionName() + "）", small, 2));
            }
            doc.add(CjkFonts.centered(checkinUrl, small, 2));
            doc.close();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("poster failed", e);
        }
        return out.toByteArray();
    }
}
