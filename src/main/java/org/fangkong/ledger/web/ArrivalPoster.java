package org.fangkong.ledger.web;

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

/**
 * The A4 poster for stations and highway exits (来鲁人员请扫码登记): the QR code opens the
 * self-registration page with the poster's area preselected, so an arrival at 青岛站 starts at 青岛市.
 */
final class ArrivalPoster {

    private ArrivalPoster() {
    }

    static byte[] pdf(String placeName, String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(placeName + " 外来人员扫码登记");
            doc.open();
            doc.add(CjkFonts.centered("外来人员请扫码登记", CjkFonts.font(36, Font.BOLD), 6));
            doc.add(CjkFonts.centered("到达" + placeName, CjkFonts.font(26, Font.BOLD), 14));
            Image qr = Image.getInstance(QrCodes.png(url, 900));
            qr.scaleAbsolute(330, 330);
            qr.setAlignment(Element.ALIGN_CENTER);
            doc.add(qr);
            Font steps = CjkFonts.font(18, Font.NORMAL);
            doc.add(CjkFonts.centered("① 用手机扫一扫上方二维码", steps, 4));
            doc.add(CjkFonts.centered("② 选择要去的村（社区），填写姓名、身份证号、手机号", steps, 4));
            doc.add(CjkFonts.centered("③ 到达后村（社区）网格员会与您联系", steps, 4));
            doc.add(CjkFonts.centered("来自重点地区的，到达后请居家，等待联系。", CjkFonts.font(14, Font.NORMAL), 18));
            doc.add(CjkFonts.centered(url, CjkFonts.font(10, Font.NORMAL), 2));
            doc.close();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("poster failed", e);
        }
        return out.toByteArray();
    }
}
