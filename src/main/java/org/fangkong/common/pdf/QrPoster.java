package org.fangkong.common.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.fangkong.common.QrCodes;

/** An A4 poster for a door or a station: lines above, the QR code of {@code url} large in the middle, lines below. */
public final class QrPoster {

    private QrPoster() {
    }

    public static byte[] pdf(String title, List<Paragraph> above, String url, List<Paragraph> below) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.open();
            for (Paragraph p : above) {
                doc.add(p);
            }
            Image qr = Image.getInstance(QrCodes.png(url, 900));
            qr.scaleAbsolute(330, 330);
            qr.setAlignment(Element.ALIGN_CENTER);
            doc.add(qr);
            for (Paragraph p : below) {
                doc.add(p);
            }
            doc.close();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("poster failed", e);
        }
        return out.toByteArray();
    }
}
