package org.fangkong.common.pdf;

import java.io.IOException;
import java.io.InputStream;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import org.springframework.core.io.ClassPathResource;

/**
 * The Chinese font embedded (as a subset) in every generated PDF: the standard PDF fonts have no
 * Chinese glyphs. WenQuanYi Micro Hei, shipped in {@code fonts/} (see fonts/SOURCE.md).
 */
public final class CjkFonts {

    private static volatile BaseFont base;

    private CjkFonts() {
    }

    public static BaseFont base() {
        BaseFont b = base;
        if (b == null) {
            synchronized (CjkFonts.class) {
                if (base == null) {
                    base = load();
                }
                b = base;
            }
        }
        return b;
    }

    public static Font font(float size, int style) {
        return new Font(base(), size, style);
    }

    private static BaseFont load() {
        try (InputStream in = new ClassPathResource("fonts/wqy-microhei.ttc").getInputStream()) {
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("cannot load the CJK font", e);
        }
    }

    /** A centred paragraph in {@code font}, then {@code spacingAfter} points: a poster's line. */
    public static Paragraph centered(String text, Font font, float spacingAfter) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(spacingAfter);
        return p;
    }
}
