package org.fangkong.common.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Tables of the generated A4 sheets (picking lists, donation reports, report summaries): full width,
 * the header row bold and repeated on every page, cells in the embedded CJK font with padding in
 * proportion to the text.
 */
public final class PdfTables {

    private PdfTables() {
    }

    /** An empty table with its header row; {@code widths} relative, one per column. */
    public static PdfPTable withHeader(float fontSize, float[] widths, String... headers) throws DocumentException {
        PdfPTable t = new PdfPTable(widths.length);
        t.setWidthPercentage(100);
        t.setWidths(widths);
        t.setHeaderRows(1);
        Font bold = CjkFonts.font(fontSize, Font.BOLD);
        for (String h : headers) {
            t.addCell(cell(h, bold));
        }
        return t;
    }

    /** One row of plain text cells. */
    public static void row(PdfPTable t, float fontSize, String... cells) {
        Font plain = CjkFonts.font(fontSize, Font.NORMAL);
        for (String c : cells) {
            t.addCell(cell(c, plain));
        }
    }

    /** One cell of {@code text} in {@code font}, padded for its size. */
    public static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(font.getSize() * 0.4f);
        return c;
    }
}
