package org.fangkong.supplies;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pdf.CjkFonts;
import org.fangkong.common.pdf.PdfTables;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public accountability report of donations (捐赠款物公示): for a node and span of days, what came
 * in (money and each item), where it went (each allocation with its dispatch order) and what is left;
 * donors as published (爱心人士 for those who asked not to be named). Printable as a PDF.
 */
@Service
public class DonationReport {

    /** One item's goods: donated, allocated, left. */
    public record Goods(String item, String unit, long in, long out, long left) {
    }

    public record Report(Jurisdiction node, LocalDate from, LocalDate to, BigDecimal moneyIn, BigDecimal moneyOut,
                         BigDecimal moneyLeft, List<Goods> goods, List<Donations.Donation> donations,
                         List<Donations.Allocation> allocations) {
    }

    private final Donations donations;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    DonationReport(Donations donations, Jurisdictions jurisdictions, Clock clock) {
        this.donations = donations;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report of(String code, LocalDate from, LocalDate to, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDate f = from == null ? LocalDate.of(2020, 1, 1) : from;
        LocalDate t = to == null ? ShanghaiTime.today(clock) : to;
        List<Donations.Donation> list = donations.list(node.code(), f, t, actor);
        BigDecimal in = BigDecimal.ZERO.setScale(2);
        BigDecimal out = BigDecimal.ZERO.setScale(2);
        Map<String, long[]> goods = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Donations.Donation d : list) {
            if (d.kind() == Donations.Kind.MONEY) {
                in = in.add(d.amount());
                out = out.add(d.allocatedAmount());
            } else {
                long[] g = goods.computeIfAbsent(d.itemName(), k -> new long[2]);
                g[0] += d.quantity();
                g[1] += d.allocatedQuantity();
                units.put(d.itemName(), d.unit());
            }
        }
        List<Goods> rows = new ArrayList<>();
        goods.forEach((item, g) -> rows.add(new Goods(item, units.get(item), g[0], g[1], g[0] - g[1])));
        return new Report(node, f, t, in, out, in.subtract(out), rows, list,
                donations.allocations(list.stream().map(Donations.Donation::id).toList()));
    }

    public byte[] pdf(Report r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter.getInstance(doc, bytes);
            doc.open();
            String title = r.node().name() + "捐赠款物接收和使用情况公示";
            doc.addTitle(title);
            doc.add(CjkFonts.centered(title, CjkFonts.font(16, Font.BOLD), 4));
            doc.add(CjkFonts.centered(r.from() + " 至 " + r.to() + "　　制表时间 " + ShanghaiTime.format(clock.instant()),
                    CjkFonts.font(9, Font.NORMAL), 12));
            doc.add(heading("一、款物总览"));
            PdfPTable totals = PdfTables.withHeader(9, new float[] {4, 3, 3, 3}, "项目", "接收", "已分配", "结余");
            PdfTables.row(totals, 9, "捐款（元）", r.moneyIn().toPlainString(), r.moneyOut().toPlainString(), r.moneyLeft().toPlainString());
            r.goods().forEach(g -> PdfTables.row(totals, 9, g.item() + "（" + g.unit() + "）", String.valueOf(g.in()),
                    String.valueOf(g.out()), String.valueOf(g.left())));
            doc.add(totals);
            doc.add(heading("二、接收明细"));
            PdfPTable in = PdfTables.withHeader(9, new float[] {2.2f, 4, 4, 2.5f}, "日期", "捐赠方", "款物", "已分配");
            for (Donations.Donation d : r.donations()) {
                PdfTables.row(in, 9, d.receivedOn().toString(), d.publicDonor(),
                        d.kind() == Donations.Kind.MONEY ? d.amount().toPlainString() + " 元"
                                : d.itemName() + " " + d.quantity() + " " + d.unit(),
                        d.kind() == Donations.Kind.MONEY ? d.allocatedAmount().toPlainString() + " 元"
                                : d.allocatedQuantity() + " " + d.unit());
            }
            doc.add(in);
            doc.add(heading("三、分配去向"));
            Map<Long, Donations.Donation> byId = new LinkedHashMap<>();
            r.donations().forEach(d -> byId.put(d.id(), d));
            PdfPTable out = PdfTables.withHeader(9, new float[] {2.2f, 3.5f, 3.5f, 3, 2.8f}, "日期", "去向", "款物", "用途", "调拨单");
            for (Donations.Allocation a : r.allocations()) {
                Donations.Donation d = byId.get(a.donationId());
                PdfTables.row(out, 9, a.allocatedOn().toString(), a.toName(),
                        a.amount() != null ? a.amount().toPlainString() + " 元" : d.itemName() + " " + a.quantity() + " " + d.unit(),
                        a.purpose(), a.dispatchNumber() == null ? "" : a.dispatchNumber());
            }
            doc.add(out);
            Paragraph sign = new Paragraph("公示单位（盖章）：____________　　监督电话：____________", CjkFonts.font(10, Font.NORMAL));
            sign.setSpacingBefore(16);
            sign.setAlignment(Element.ALIGN_RIGHT);
            doc.add(sign);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("donation report failed", e);
        }
        return bytes.toByteArray();
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, CjkFonts.font(11, Font.BOLD));
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        return p;
    }
}
