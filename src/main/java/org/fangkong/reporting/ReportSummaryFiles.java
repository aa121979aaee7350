package org.fangkong.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.XlsxCells;
import org.fangkong.common.pdf.CjkFonts;
import org.fangkong.common.pdf.PdfTables;

/** The report summary written out: a workbook (summary and missing units) and an A4 landscape sheet to print. */
final class ReportSummaryFiles {

    private ReportSummaryFiles() {
    }

    static String title(ReportSummary.Sheet s) {
        return s.node().name() + " " + s.day() + " 日报告汇总表";
    }

    static byte[] xlsx(ReportSummary.Sheet s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Fangkong", "1.0");
            Worksheet ws = wb.newWorksheet("日报告汇总");
            ws.value(0, 0, title(s));
            ws.style(0, 0).bold().fontSize(14).set();
            ws.value(1, 0, "制表：" + s.madeBy() + "  " + ShanghaiTime.format(s.madeAt()));
            String[] columns = ReportSummary.COLUMNS;
            for (int c = 0; c < columns.length; c++) {
                ws.value(2, c, columns[c]);
                ws.style(2, c).bold().set();
            }
            row(ws, 3, s.node(), true);
            int r = 4;
            for (ReportSummary.Line l : s.children()) {
                row(ws, r++, l, false);
            }
            XlsxCells.widths(ws, 22, 14, 8, 8, 8, 8, 10, 10, 9, 9, 9, 14, 9, 9, 9, 12);
            Worksheet missing = wb.newWorksheet("未报告单位");
            String[] heads = {"乡镇（街道）", "村（社区）", "代码"};
            for (int c = 0; c < heads.length; c++) {
                missing.value(0, c, heads[c]);
                missing.style(0, c).bold().set();
            }
            int m = 1;
            for (Completeness.Missing u : s.missing()) {
                missing.value(m, 0, u.township());
                missing.value(m, 1, u.name());
                missing.value(m++, 2, u.code());
            }
            XlsxCells.widths(missing, 20, 24, 16);
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void row(Worksheet ws, int r, ReportSummary.Line l, boolean total) {
        Object[] cells = l.cells();
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof String t) {
                ws.value(r, c, c == 0 && total ? t + "（合计）" : t);
            } else if (v instanceof BigDecimal d) {
                ws.value(r, c, d);
            } else if (v instanceof Number n) {
                ws.value(r, c, n.longValue());
            }
            if (total) {
                ws.style(r, c).bold().set();
            }
        }
    }

    static byte[] pdf(ReportSummary.Sheet s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.addTitle(title(s));
            Paragraph title = new Paragraph(title(s), CjkFonts.font(16, Font.BOLD));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(6);
            doc.add(title);
            Paragraph made = new Paragraph("制表：" + s.madeBy() + "    " + ShanghaiTime.format(s.madeAt())
                    + "    完整率 = 已报 ÷ 应报，及时率 = 按时 ÷ 应报（截止时间为次日）", CjkFonts.font(8, Font.NORMAL));
            made.setAlignment(Element.ALIGN_CENTER);
            made.setSpacingAfter(10);
            doc.add(made);
            String[] columns = ReportSummary.COLUMNS;
            PdfPTable table = new PdfPTable(columns.length);
            table.setWidthPercentage(100);
            table.setWidths(new float[] {14, 9, 5, 5, 5, 5, 6, 6, 5, 5, 5, 7, 5, 5, 5, 6, 6});
            table.setHeaderRows(1);
            Font head = CjkFonts.font(7.5f, Font.BOLD);
            for (String c : columns) {
                table.addCell(PdfTables.cell(c, head));
            }
            add(table, s.node(), true);
            s.children().forEach(l -> add(table, l, false));
            doc.add(table);
            if (!s.missing().isEmpty()) {
                Paragraph h = new Paragraph("未报告单位（" + (s.node().expected() - s.node().reported()) + " 个"
                        + (s.node().expected() - s.node().reported() > s.missing().size() ? "，列出前 " + s.missing().size() + " 个" : "")
                        + "）", CjkFonts.font(10, Font.BOLD));
                h.setSpacingBefore(10);
                doc.add(h);
                StringBuilder list = new StringBuilder();
                s.missing().forEach(m -> list.append(m.township()).append(' ').append(m.name()).append("；"));
                doc.add(new Paragraph(list.toString(), CjkFonts.font(8, Font.NORMAL)));
            }
            Paragraph sign = new Paragraph("审核人：____________    填报单位（盖章）：____________", CjkFonts.font(10, Font.NORMAL));
            sign.setSpacingBefore(18);
            sign.setAlignment(Element.ALIGN_RIGHT);
            doc.add(sign);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("report summary failed", e);
        }
        return out.toByteArray();
    }

    private static void add(PdfPTable table, ReportSummary.Line l, boolean total) {
        Font f = CjkFonts.font(7.5f, total ? Font.BOLD : Font.NORMAL);
        Object[] cells = l.cells();
        for (int c = 0; c < cells.length; c++) {
            String text = c == 0 && total ? cells[c] + "（合计）" : String.valueOf(cells[c]);
            PdfPCell cell = PdfTables.cell(text, f);
            if (c >= 2) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
    }
}
