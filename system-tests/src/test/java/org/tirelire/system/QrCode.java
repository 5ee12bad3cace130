package org.tirelire.system;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads a QR code from a screenshot, as a phone's camera would from the screen. */
final class QrCode {

    private QrCode() {}

    static String readFrom(Path screenshot) {
        try {
            return new MultiFormatReader()
                    .decode(new BinaryBitmap(
                            new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(screenshot.toFile())))))
                    .getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException noCode) {
            throw new AssertionError("no QR code readable in " + screenshot, noCode);
        }
    }
}
