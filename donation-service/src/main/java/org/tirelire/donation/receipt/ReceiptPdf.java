package org.tirelire.donation.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * Draws a register entry as the PDF the donor keeps: every mention of CERFA n° 11580 that applies, in
 * the model's order (ADR 25). Nothing here decides anything: the same entry always draws the same receipt.
 * What a person typed is written with Liberation Sans, embedded (it ships inside PDFBox), so that any
 * Latin, Greek or Cyrillic name prints; a character it lacks prints as "?". The fixed wording uses Helvetica.
 */
@org.springframework.stereotype.Component
class ReceiptPdf {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(PARIS);
    private static final DateTimeFormatter LONG_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).withZone(PARIS);
    private static final String TYPED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final ReceiptSignatures signatures;

    ReceiptPdf(ReceiptSignatures signatures) {
        this.signatures = signatures;
    }

    byte[] draw(Receipt receipt) {
        try (PDDocument document = new PDDocument()) {
            Page page = new Page(document, typedFont(document));
            describe(document, receipt);
            write(page, receipt, signatures.image(receipt.beneficiary().signatureId()));
            page.close();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("drawing receipt " + receipt.id(), e);
        }
    }

    private static void write(Page page, Receipt receipt, byte @Nullable [] signature) throws IOException {
        Receipt.Beneficiary beneficiary = receipt.beneficiary();
        page.fixed(Page.BOLD, 14, "Reçu au titre des dons à certains organismes d'intérêt général");
        page.fixed(
                Page.REGULAR,
                9,
                "Articles 200, 238 bis et 978 du code général des impôts. Établi selon le modèle CERFA n° 11580.");
        page.gap(6);
        page.fixed(Page.BOLD, 12, "Numéro d'ordre du reçu : " + receipt.number());
        if (receipt.replaces() != null) {
            page.fixed(Page.REGULAR, 10, "Ce reçu annule et remplace le reçu n° " + receipt.replaces() + ".");
        }
        if (receipt.status() == Receipt.Status.CANCELLED) {
            page.fixed(
                    Page.BOLD,
                    11,
                    "Reçu annulé le " + DATE.format(receipt.cancelledAt()) + " : " + receipt.cancellationReason()
                            + ".");
        }

        page.heading("Bénéficiaire des versements");
        page.field("Nom ou dénomination", beneficiary.legalName());
        page.field("Adresse", String.join(", ", beneficiary.address().lines()));
        page.field("Objet", beneficiary.object());
        page.field("Qualité", beneficiary.legalStatus().printed());
        if (beneficiary.rna() != null) {
            page.field("N° RNA", beneficiary.rna());
        }
        if (beneficiary.siren() != null) {
            page.field("N° SIREN", beneficiary.siren());
        }

        page.heading("Donateur");
        page.field("Nom", receipt.donor().lastName());
        page.field("Prénom", receipt.donor().firstName());
        page.field("Adresse", String.join(", ", receipt.donor().address().lines()));

        page.heading("Versements");
        page.fixedWrapped(
                Page.REGULAR,
                10,
                "Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction"
                        + " d'impôt la somme de :");
        page.fixed(Page.BOLD, 14, "***" + figures(receipt.total()) + "***");
        page.field(
                "Somme en toutes lettres", AmountInWords.french(receipt.total().amount()));
        List<Receipt.Gift> gifts = receipt.gifts();
        if (gifts.size() == 1) {
            page.field("Date du versement", DATE.format(gifts.get(0).paidAt()));
        } else {
            page.field(
                    "Période",
                    "du " + DATE.format(gifts.get(0).paidAt()) + " au "
                            + DATE.format(gifts.get(gifts.size() - 1).paidAt()) + ", versements du :");
            for (Receipt.Gift gift : gifts) {
                page.typed(
                        10,
                        "    " + DATE.format(gift.paidAt()) + " : " + figures(gift.amount()) + " ("
                                + gift.means().printed().toLowerCase(Locale.FRANCE) + ")");
            }
        }
        page.field("Forme du don", "Déclaration de don manuel");
        page.field("Nature du don", "Numéraire");
        page.field(
                "Mode de versement",
                String.join(
                        ", ",
                        gifts.stream()
                                .map(gift -> gift.means().printed())
                                .distinct()
                                .toList()));

        page.heading("Certification");
        page.fixedWrapped(
                Page.REGULAR,
                10,
                "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la"
                        + " réduction d'impôt prévue " + articles(beneficiary.articles())
                        + " du code général des impôts.");
        page.gap(10);
        page.fixed(Page.REGULAR, 10, "Fait le " + longDate(receipt.issuedAt()) + ".");
        if (signature != null) {
            page.image(signature, 160, 60);
        } else {
            page.gap(8);
        }
        page.typed(10, beneficiary.signatoryName() + ", " + beneficiary.signatoryTitle());
        page.gap(18);
        page.fixedWrapped(
                Page.REGULAR,
                8,
                "Reçu délivré par voie électronique ; il ne peut être modifié. Le donateur le conserve trois ans ; il"
                        + " justifie la réduction d'impôt déclarée.");
        if (receipt.status() == Receipt.Status.CANCELLED) {
            page.cancelledStamp();
        }
    }

    /** "14 mars 2026", and "1er mai 2026" as French writes the first of the month. */
    static String longDate(java.time.Instant instant) {
        String date = LONG_DATE.format(instant);
        return date.startsWith("1 ") ? "1er " + date.substring(2) : date;
    }

    /** {@code 1 000 000,00 €}: the amount as the receipt prints it between asterisks. */
    static String figures(Money money) {
        long amount = money.amount();
        String euros = String.format(Locale.ROOT, "%,d", amount / 100).replace(',', ' ');
        return euros + "," + String.format(Locale.ROOT, "%02d", amount % 100) + " €";
    }

    /** "à l'article 200", "aux articles 200 et 238 bis", "aux articles 200, 238 bis et 978". */
    static String articles(List<TaxArticle> articles) {
        List<String> printed =
                articles.stream().sorted().map(TaxArticle::printed).toList();
        if (printed.size() == 1) {
            return "à l'article " + printed.get(0);
        }
        return "aux articles " + String.join(", ", printed.subList(0, printed.size() - 1)) + " et "
                + printed.get(printed.size() - 1);
    }

    private static void describe(PDDocument document, Receipt receipt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Reçu fiscal " + receipt.number() + " – "
                + receipt.beneficiary().legalName());
        info.setAuthor(receipt.beneficiary().legalName());
        info.setCreator("Tirelire");
        java.util.Calendar issued =
                java.util.GregorianCalendar.from(receipt.issuedAt().atZone(PARIS));
        info.setCreationDate(issued);
        info.setModificationDate(issued);
    }

    private static PDFont typedFont(PDDocument document) throws IOException {
        try (InputStream font = ReceiptPdf.class.getResourceAsStream(TYPED_FONT)) {
            if (font == null) {
                throw new IOException("PDFBox no longer ships " + TYPED_FONT);
            }
            return PDType0Font.load(document, font);
        }
    }

    /** Writes down the page line by line, and onto a new page when one is full. */
    private static final class Page {

        static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        private final PDDocument document;
        private final PDFont typed;
        private PDPageContentStream content;
        private float y;

        Page(PDDocument document, PDFont typed) throws IOException {
            this.document = document;
            this.typed = typed;
            newPage();
        }

        void heading(String text) throws IOException {
            gap(10);
            fixed(BOLD, 11, text);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y - 4);
            content.lineTo(MARGIN + WIDTH, y - 4);
            content.stroke();
            gap(6);
        }

        /** A label in the fixed font and what was typed after it, wrapped to the width of the page. */
        void field(String label, String value) throws IOException {
            String lead = label + " : ";
            float leadWidth = width(REGULAR, 10, lead);
            List<String> lines = wrap(typed, 10, printable(value), WIDTH - leadWidth);
            room(13 * lines.size());
            y -= 13;
            show(REGULAR, 10, MARGIN, lead);
            show(typed, 10, MARGIN + leadWidth, lines.get(0));
            for (String more : lines.subList(1, lines.size())) {
                y -= 13;
                show(typed, 10, MARGIN + leadWidth, more);
            }
        }

        void fixed(PDFont font, float size, String text) throws IOException {
            room(size + 4);
            y -= size + 4;
            show(font, size, MARGIN, text);
        }

        void fixedWrapped(PDFont font, float size, String text) throws IOException {
            for (String line : wrap(font, size, text, WIDTH)) {
                fixed(font, size, line);
            }
        }

        void typed(float size, String text) throws IOException {
            for (String line : wrap(typed, size, printable(text), WIDTH)) {
                fixed(typed, size, line);
            }
        }

        void image(byte[] bytes, float maxWidth, float maxHeight) throws IOException {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, bytes, "signature");
            float scale = Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight());
            float height = image.getHeight() * scale;
            room(height + 4);
            y -= height + 4;
            content.drawImage(image, MARGIN, y, image.getWidth() * scale, height);
        }

        void gap(float height) {
            y -= height;
        }

        /** A large diagonal mark across the first page. */
        void cancelledStamp() throws IOException {
            try (PDPageContentStream stamp = new PDPageContentStream(
                    document, document.getPage(0), PDPageContentStream.AppendMode.APPEND, true, true)) {
                PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
                translucent.setNonStrokingAlphaConstant(0.25f);
                stamp.setGraphicsStateParameters(translucent);
                stamp.setNonStrokingColor(0.8f, 0f, 0f);
                stamp.beginText();
                stamp.setFont(BOLD, 110);
                stamp.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(40), 130, 220));
                stamp.showText("ANNULÉ");
                stamp.endText();
            }
        }

        void close() throws IOException {
            content.close();
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void show(PDFont font, float size, float x, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        /** What the embedded font can draw of a typed text; anything else becomes "?". */
        private String printable(String text) {
            StringBuilder printable = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = Character.isISOControl(codePoint) ? " " : Character.toString(codePoint);
                try {
                    typed.encode(character);
                    printable.append(character);
                } catch (IOException | IllegalArgumentException noGlyph) {
                    printable.append('?');
                }
            });
            return printable.toString();
        }

        private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }
}
