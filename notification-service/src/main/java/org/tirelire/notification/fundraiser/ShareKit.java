package org.tirelire.notification.fundraiser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Ready-to-send texts for sharing a collection page, in French and English, with every link
 * correctly encoded, and where to get its QR code.
 */
public record ShareKit(String url, String qrPng, String qrSvg, Map<String, Map<String, ShareLink>> texts) {

    /** A text to post and the link that opens the network's share dialog with it. */
    public record ShareLink(String text, String link) {}

    static ShareKit of(String pageUrl, String apiBase, String slug, String title, String supporterName) {
        String fr = supporterName + " collecte pour « " + title + " ». Chaque don compte : ";
        String en = supporterName + " is raising money for \"" + title + "\". Every gift counts: ";
        return new ShareKit(
                pageUrl,
                apiBase + "/api/fundraisers/" + slug + "/qr.png",
                apiBase + "/api/fundraisers/" + slug + "/qr.svg",
                Map.of(
                        "fr",
                        links(fr, "Soutenez " + supporterName, pageUrl),
                        "en",
                        links(en, "Support " + supporterName, pageUrl)));
    }

    private static Map<String, ShareLink> links(String text, String subject, String url) {
        String full = text + url;
        return Map.of(
                "whatsapp", new ShareLink(full, "https://wa.me/?text=" + encode(full)),
                "facebook", new ShareLink(full, "https://www.facebook.com/sharer/sharer.php?u=" + encode(url)),
                "x",
                        new ShareLink(
                                full, "https://twitter.com/intent/tweet?text=" + encode(text) + "&url=" + encode(url)),
                "linkedin", new ShareLink(full, "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(url)),
                "email", new ShareLink(full, "mailto:?subject=" + encode(subject) + "&body=" + encode(full)));
    }

    /** Percent-encoding for a query value; spaces as %20, which every client reads (+ is not always). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
