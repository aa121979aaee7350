package org.fangkong.observation;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.fangkong.common.pdf.CjkFonts;

/**
 * 解除隔离医学观察告知书: the A4 notice handed to a person at the end of home observation, with
 * their name, the ID number masked, the dates and the issuing township.
 */
final class ReleaseNotice {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** What the notice says. */
    record Content(long orderId, String name, String idMasked, LocalDate from, LocalDate to, LocalDate releasedOn,
                   String place, String township) {
    }

    private ReleaseNotice() {
    }

    static byte[] pdf(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 72, 72, 90, 72);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.addTitle("解除隔离医学观察告知书");
            Paragraph title = new Paragraph("解除隔离医学观察告知书", CjkFonts.font(22, Font.BOLD));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(36);
            doc.add(title);
            Font body = CjkFonts.font(14, Font.NORMAL);
            doc.add(line(c.name() + "（身份证号 " + (c.idMasked() == null ? "—" : c.idMasked()) + "）：", body));
            Paragraph text = new Paragraph("    您自 " + DAY.format(c.from()) + " 起在" + c.place() + "接受居家隔离医学观察，至 "
                    + DAY.format(c.to()) + " 已满 14 天，观察期间未出现发热（≥37.3℃）、咳嗽、气促等症状。经评估，自 "
                    + DAY.format(c.releasedOn()) + " 起解除居家隔离医学观察。", body);
            text.setLeading(28);
            text.setSpacingAfter(18);
            doc.add(text);
            Paragraph advice = new Paragraph("    解除观察后请继续做好个人防护，坚持佩戴口罩、勤洗手、少聚集；如出现发热、咳嗽等症状，请及时到发热门诊就诊。",
                    body);
            advice.setLeading(28);
            advice.setSpacingAfter(48);
            doc.add(advice);
            Paragraph issuer = new Paragraph(c.township() + "\n" + DAY.format(c.releasedOn()), body);
            issuer.setAlignment(Element.ALIGN_RIGHT);
            issuer.setLeading(28);
            doc.add(issuer);
            Paragraph ref = new Paragraph("编号：GC-" + c.orderId(), CjkFonts.font(9, Font.NORMAL));
            ref.setSpacingBefore(60);
            doc.add(ref);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("notice failed", e);
        }
        return out.toByteArray();
    }

    private static Paragraph line(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setSpacingAfter(12);
        return p;
    }
}
