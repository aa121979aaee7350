package org.fangkong.venue;

import java.awt.image.BufferedImage;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** Reads a QR code back out of an image, as a phone camera would. */
public final class QrDecoder {

    private QrDecoder() {
    }

    public static String decode(BufferedImage image) throws NotFoundException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, java.util.Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
