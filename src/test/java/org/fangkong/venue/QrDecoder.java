package org.fangkong.venue;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;

/** Reads a QR code back out of an image, as a phone camera would. */
public final class QrDecoder {

    private QrDecoder() {
    }

    /**
     * Tries the local-threshold binarizer first, then the global one, then the image as a pure code: on a whole rendered A4 page
     * the hybrid one now and then misses a code a camera reads (seen once in many runs).
     */
    public static String decode(BufferedImage image) throws NotFoundException {
        var source = new BufferedImageLuminanceSource(image);
        var hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
        } catch (NotFoundException e) {
            try {
                return new MultiFormatReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)),
                        hints).getText();
            } catch (NotFoundException again) {
                // a code image as generated (no page around it): read it as a pure code, as a scanner app does
                // once it has found the code (the finder-pattern search missed a small one now and then)
                return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            }
        }
    }
}
