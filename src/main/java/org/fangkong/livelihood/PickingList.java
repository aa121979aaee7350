package org.fangkong.livelihood;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.fangkong.common.pdf.CjkFonts;
import org.fangkong.common.pdf.PdfTables;
import org.fangkong.common.security.Actor;
import org.springframework.stereotype.Service;

/**
 * A batch's picking list (配货单) for the supply point, printable: the items summed over the batch
 * (what to pick), then each household's bag by address (what to pack), doorstep ones marked.
 */
@Service
public class PickingList {

    private final ProxyPurchases purchases;

    PickingList(ProxyPurchases purchases) {
        this.purchases = purchases;
    }

    public byte[] pdf(long batchId, Actor actor) {
        ProxyPurchases.Batch b = purchases.batch(batchId, actor);
        Map<String, Integer> totals = new TreeMap<>();
        b.orders().forEach(o -> o.lines().forEach(l -> totals.merge(l.item() + "（" + l.unit() + "）", l.quantity(), Integer::sum)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter.getInstance(doc, bytes);
            doc.open();
            doc.add(CjkFonts.centered(b.villageName() + " 代购配货单 · 批次 " + b.id(), CjkFonts.font(16, Font.BOLD), 4));
            doc.add(CjkFonts.centered("供货点：" + b.pointName() + "　　" + b.orders().size() + " 户", CjkFonts.font(10, Font.NORMAL), 10));
            doc.add(new Paragraph("一、按商品汇总", CjkFonts.font(11, Font.BOLD)));
            PdfPTable sum = table(new float[] {6, 2}, "商品", "数量");
            totals.forEach((item, q) -> add(sum, item, String.valueOf(q)));
            doc.add(sum);
            doc.add(new Paragraph("二、按户分装", CjkFonts.font(11, Font.BOLD)));
            PdfPTable bags = table(new float[] {3, 5, 2}, "住户", "商品", "备注");
            for (ProxyPurchases.Order o : b.orders()) {
                StringBuilder items = new StringBuilder();
                o.lines().forEach(l -> items.append(l.item()).append(' ').append(l.quantity()).append(l.unit()).append("；"));
                add(bags, o.address() + (o.doorstep() ? "【送货到门，无接触】" : ""), items.toString(), o.note());
            }
            doc.add(bags);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("picking list failed", e);
        }
        return bytes.toByteArray();
    }

    /** A table of the list: 10 pt, a little air above and below. */
    private static PdfPTable table(float[] widths, String... headers) throws DocumentException {
        PdfPTable t = PdfTables.withHeader(10, widths, headers);
        t.setSpacingBefore(4);
        t.setSpacingAfter(10);
        return t;
    }

    private static void add(PdfPTable t, String... cells) {
        PdfTables.row(t, 10, cells);
    }
}
