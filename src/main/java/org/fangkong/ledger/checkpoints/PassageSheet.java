package org.fangkong.ledger.checkpoints;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pdf.CjkFonts;
import org.fangkong.ledger.internal.LedgerEnums;

/**
 * A checkpoint's passage log for one day as a printable A4 sheet (卡口登记台账), names and numbers
 * masked as on screen, refused entries marked: the paper the township asks for.
 */
final class PassageSheet {

    private static final String[] HEADERS = {"时间", "进/出", "姓名", "身份证号", "手机号", "来处", "到谁家", "事由", "车牌", "体温", "处置"};
    private static final float[] WIDTHS = {5, 4, 5, 11, 8, 8, 6, 6, 7, 5, 6};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PassageSheet() {
    }

    static byte[] pdf(Checkpoint checkpoint, LocalDate day, List<Passage> passages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 30, 30);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(checkpoint.name() + " 卡口登记台账 " + day);
            doc.open();
            doc.add(new Paragraph("卡口登记台账", CjkFonts.font(18, Font.BOLD)));
            long refused = passages.stream().filter(Passage::refused).count();
            doc.add(new Paragraph(checkpoint.jurisdictionName() + " · " + checkpoint.name() + " · " + day
                    + " · 共 " + passages.size() + " 人次，劝返（体温≥37.3℃）" + refused + " 人次", CjkFonts.font(11, Font.NORMAL)));
            doc.add(new Paragraph(" ", CjkFonts.font(6, Font.NORMAL)));
            PdfPTable table = new PdfPTable(WIDTHS);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            Font head = CjkFonts.font(9, Font.BOLD);
            Font body = CjkFonts.font(9, Font.NORMAL);
            for (String h : HEADERS) {
                table.addCell(new PdfPCell(new Phrase(h, head)));
            }
            for (Passage p : passages) {
                String[] cells = {TIME.format(p.at().atZone(ShanghaiTime.ZONE)), p.direction() == LedgerEnums.Direction.IN ? "进" : "出",
                        p.name(), nz(p.idNumber()), nz(p.phone()), p.origin(), p.host(), p.purpose(), p.plate(),
                        p.temperature().toPlainString(), p.refused() ? "禁止进入" : ""};
                for (String c : cells) {
                    table.addCell(new PdfPCell(new Phrase(c, body)));
                }
            }
            doc.add(table);
            doc.add(new Paragraph(" ", CjkFonts.font(6, Font.NORMAL)));
            doc.add(new Paragraph("值班负责人签字：____________        打印时间：" + ShanghaiTime.format(Instant.now()),
                    CjkFonts.font(10, Font.NORMAL)));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("sheet failed", e);
        }
        return out.toByteArray();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
