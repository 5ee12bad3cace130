package org.tirelire.donation.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.PostalAddress;

/**
 * Every mention CERFA n° 11580 asks for is on the receipt, read back from the PDF as a tax inspector's
 * software would. Each receipt drawn here is also rendered to {@code target/receipts/*.png}, to be looked at.
 */
class ReceiptPdfTest {

    static final Receipt.Beneficiary RESTOS = new Receipt.Beneficiary(
            "Les Restos du Quartier",
            new PostalAddress("12 rue des Lilas", null, "75011", "Paris", "FR"),
            "Aide alimentaire et accompagnement des personnes en difficulté du 11e arrondissement",
            LegalStatus.ASSOCIATION_LOI_1901,
            "W751234567",
            "732829320",
            List.of(TaxArticle.ARTICLE_200, TaxArticle.ARTICLE_238_BIS),
            "Claire Dubois",
            "Présidente",
            null);
    static final Receipt.Donor ADA = new Receipt.Donor(
            "Ada",
            "Lovelace",
            "ada@example.org",
            "fr",
            new PostalAddress("3 place Bellecour", "Bâtiment B", "69002", "Lyon", "FR"));

    private final ReceiptPdf pdf = new ReceiptPdf(new ReceiptSignatures(null));

    @Test
    void a_gift_receipt_carries_every_mention_the_law_asks_for() throws IOException {
        Receipt receipt = Receipt.issued(
                "org-1",
                2026,
                1,
                "gift:don-1",
                Receipt.Kind.GIFT,
                RESTOS,
                ADA,
                List.of(new Receipt.Gift(
                        "don-1",
                        "camp-1",
                        Money.of(71_00, "EUR"),
                        Instant.parse("2026-03-14T10:15:00Z"),
                        PaymentMeans.CARD)),
                Instant.parse("2026-03-14T10:15:02Z"),
                null);

        String text = textOf(pdf.draw(receipt), "receipt-gift");

        assertThat(text)
                .contains("Reçu au titre des dons à certains organismes d'intérêt général")
                .contains("Numéro d'ordre du reçu : R-2026-000001")
                // the beneficiary
                .contains("Les Restos du Quartier")
                .contains("12 rue des Lilas, 75011 Paris")
                .contains("Aide alimentaire et accompagnement")
                .contains("Association ou fondation d'intérêt général")
                .contains("W751234567")
                .contains("732829320")
                // the donor
                .contains("Lovelace")
                .contains("Ada")
                .contains("3 place Bellecour, Bâtiment B, 69002 Lyon")
                // the gift
                .contains("***71,00 €***")
                .contains("soixante-et-onze euros")
                .contains("Date du versement : 14/03/2026")
                .contains("Déclaration de don manuel")
                .contains("Numéraire")
                .contains("Carte bancaire")
                // certification, date and signature
                .contains("aux articles 200 et 238 bis")
                .contains("du code général des impôts")
                .contains("Fait le 14 mars 2026")
                .contains("Claire Dubois, Présidente")
                .doesNotContain("ANNULÉ");
    }

    @Test
    void an_annual_receipt_lists_the_dates_of_the_year_s_gifts() throws IOException {
        Receipt receipt = Receipt.issued(
                "org-1",
                2025,
                7,
                "annual:2025:ada@example.org",
                Receipt.Kind.ANNUAL,
                RESTOS,
                ADA,
                List.of(
                        new Receipt.Gift(
                                "a",
                                "c",
                                Money.of(20_00, "EUR"),
                                Instant.parse("2025-02-01T09:00:00Z"),
                                PaymentMeans.CARD),
                        new Receipt.Gift(
                                "b",
                                "c",
                                Money.of(30_00, "EUR"),
                                Instant.parse("2025-11-20T09:00:00Z"),
                                PaymentMeans.CHEQUE)),
                Instant.parse("2026-01-02T05:00:00Z"),
                null);

        String text = textOf(pdf.draw(receipt), "receipt-annual");

        assertThat(text)
                .contains("R-2025-000007")
                .contains("***50,00 €***")
                .contains("cinquante euros")
                .contains("du 01/02/2025 au 20/11/2025")
                .contains("01/02/2025 : 20,00 €")
                .contains("20/11/2025 : 30,00 €")
                .contains("Carte bancaire, Chèque");
    }

    @Test
    void a_cancelled_receipt_says_so_and_why() throws IOException {
        Receipt receipt = Receipt.issued(
                "org-1",
                2026,
                2,
                "gift:don-2",
                Receipt.Kind.GIFT,
                RESTOS,
                ADA,
                List.of(new Receipt.Gift(
                        "don-2",
                        "c",
                        Money.of(1_000_000_00L, "EUR"),
                        Instant.parse("2026-05-01T10:00:00Z"),
                        PaymentMeans.TRANSFER)),
                Instant.parse("2026-05-01T10:00:00Z"),
                null);
        receipt.cancel("le don a été remboursé", Instant.parse("2026-05-03T10:00:00Z"));

        String text = textOf(pdf.draw(receipt), "receipt-cancelled");

        assertThat(text)
                .contains("***1 000 000,00 €***")
                .contains("un million d'euros")
                .contains("Virement")
                .contains("Reçu annulé le 03/05/2026 : le don a été remboursé.")
                .contains("Fait le 1er mai 2026")
                .contains("ANNULÉ");
    }

    @Test
    void a_name_in_another_script_prints_and_what_the_font_lacks_is_a_question_mark() throws IOException {
        Receipt receipt = Receipt.issued(
                "org-1",
                2026,
                3,
                "gift:don-3",
                Receipt.Kind.GIFT,
                RESTOS,
                new Receipt.Donor("Анна", "Ахматова 李", "anna@example.org", "fr", ADA.address()),
                List.of(new Receipt.Gift(
                        "don-3",
                        "c",
                        Money.of(10_00, "EUR"),
                        Instant.parse("2026-05-01T10:00:00Z"),
                        PaymentMeans.CARD)),
                Instant.parse("2026-05-01T10:00:00Z"),
                null);

        assertThat(textOf(pdf.draw(receipt), "receipt-cyrillic"))
                .contains("Анна")
                .contains("Ахматова ?");
    }

    @Test
    void the_signature_image_is_drawn_above_the_signatory_s_name() throws IOException {
        java.awt.image.BufferedImage drawn =
                new java.awt.image.BufferedImage(200, 60, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D pen = drawn.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, 200, 60);
        pen.setColor(java.awt.Color.BLUE);
        pen.drawLine(10, 50, 190, 10);
        pen.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(drawn, "png", png);
        ReceiptPdf signed = new ReceiptPdf(new ReceiptSignatures(null) {
            @Override
            byte[] image(String id) {
                return "signature-1".equals(id) ? png.toByteArray() : null;
            }
        });
        Receipt.Beneficiary withSignature = new Receipt.Beneficiary(
                RESTOS.legalName(),
                RESTOS.address(),
                RESTOS.object(),
                RESTOS.legalStatus(),
                RESTOS.rna(),
                null,
                List.of(TaxArticle.ARTICLE_200),
                RESTOS.signatoryName(),
                RESTOS.signatoryTitle(),
                "signature-1");
        Receipt receipt = Receipt.issued(
                "org-1",
                2026,
                4,
                "gift:don-4",
                Receipt.Kind.GIFT,
                withSignature,
                ADA,
                List.of(new Receipt.Gift(
                        "don-4",
                        "c",
                        Money.of(50_00, "EUR"),
                        Instant.parse("2026-05-01T10:00:00Z"),
                        PaymentMeans.CARD)),
                Instant.parse("2026-05-01T10:00:00Z"),
                null);

        byte[] pdf = signed.draw(receipt);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            assertThat(resources.getXObjectNames())
                    .anySatisfy(
                            name -> assertThat(resources.isImageXObject(name)).isTrue());
        }
        assertThat(textOf(pdf, "receipt-signed"))
                .contains("à l'article 200 du code général des impôts")
                .contains("Claire Dubois, Présidente")
                .doesNotContain("SIREN");
    }

    /** The text of the PDF, and its first page rendered to target/receipts for a person to look at. */
    static String textOf(byte[] bytes, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            Path shots = Files.createDirectories(Path.of("target", "receipts"));
            ImageIO.write(
                    new PDFRenderer(document).renderImageWithDPI(0, 80),
                    "png",
                    shots.resolve(name + ".png").toFile());
            return new PDFTextStripper().getText(document);
        }
    }
}
