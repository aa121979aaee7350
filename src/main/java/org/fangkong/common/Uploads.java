package org.fangkong.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.fangkong.common.web.FieldException;

/**
 * Limits every upload is read under, while it is read: an xlsx is a zip, and a small zip can
 * inflate to gigabytes or declare a row two billion rows down. Readers call {@link #checkZip}
 * before parsing and {@link #row} for each row they keep, so a crafted file costs bounded time and
 * memory and answers a 400 naming {@code file}.
 */
public final class Uploads {

    /** Data rows one file may hold (docs/rules.md: imports up to 100,000 rows). */
    public static final int MAX_ROWS = 100_000;
    /** No entry inflates to more than this many times its upload's size (text xlsx parts stay well under 30). */
    static final long MAX_RATIO = 100;
    /** Below this, any ratio is fine: a tiny file inflating to a few MB does no harm. */
    static final long FREE_BYTES = 20L << 20;
    /** Nothing inflates beyond this in all. */
    static final long MAX_INFLATED = 1L << 30;

    private Uploads() {
    }

    /**
     * Inflates every entry of a zip (xlsx) once, counting, and refuses it as soon as the total
     * passes {@code max(20 MB, 100 × its size)} or 1 GB: a zip bomb stops after a bounded read.
     */
    public static void checkZip(byte[] file) {
        long limit = Math.min(MAX_INFLATED, Math.max(FREE_BYTES, MAX_RATIO * file.length));
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // the central directory, not the local headers: xlsx writers stream entries with data descriptors
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        total += n;
                        if (total > limit) {
                            throw new FieldException("file", "validation.import.inflates");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldException f) {
                throw f;
            }
            throw new FieldException("file", "validation.import.notXlsx");
        }
    }

    /**
     * Checks a row number as the sheet states it (1 = header) before anything is kept for it: a
     * row beyond the limit ends the read with a 400, whatever the file says lies between.
     */
    public static void row(long sheetRowNumber) {
        if (sheetRowNumber - 1 > MAX_ROWS) {
            throw new FieldException("file", "import.error.tooManyRows");
        }
    }
}
