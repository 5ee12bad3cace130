package org.tirelire.web.page;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/** QR codes drawn by the server as inline SVG, readable without JavaScript and allowed by the pages' policy. */
public final class QrCodes {

    private QrCodes() {}

    /**
     * The QR code as inline SVG: one path, a run of dark modules per stroke, on white. The text is encoded
     * in the modules only; the label, which may be a campaign's title, is escaped.
     *
     * @param size its width and height in CSS pixels
     * @param label what a screen reader says of it
     */
    public static String svg(String text, int size, String label) {
        try {
            BitMatrix matrix =
                    new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (!matrix.get(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, y)) {
                        x++;
                    }
                    path.append('M')
                            .append(start)
                            .append(' ')
                            .append(y)
                            .append('h')
                            .append(x - start)
                            .append("v1H")
                            .append(start)
                            .append('z');
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + ' '
                    + matrix.getHeight() + "\" width=\"" + size + "\" height=\"" + size
                    + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + HtmlUtils.htmlEscape(label)
                    + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("an address or an otpauth URI always fits in a QR code", e);
        }
    }
}
