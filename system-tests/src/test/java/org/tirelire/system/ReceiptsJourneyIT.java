package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * French tax receipts on the running platform, as a treasurer and a donor meet them: the settings turned
 * on through the gateway (identity confirms the password), a gift that asks for a receipt, the PDF in the
 * donor's mailbox and behind the gift's signed link, its cancellation on refund, and the register. The
 * receipt's first page is rendered to {@code target/screenshots/receipt.png}.
 */
@ExtendWith(SharedPlatform.class)
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceiptsJourneyIT {

    private static final String PASSWORD = "une phrase de passe";
    private static final int YEAR =
            Instant.now().atZone(ZoneId.of("Europe/Paris")).getYear();
    private static final String FIRST = String.format("R-%d-000001", YEAR);

    private static Gateway gateway;
    private static Gateway mail;
    private static String token;
    private static String campaignId;
    private static String slug;
    private static String donor;
    private static String donationId;
    private static String treasurer;

    @BeforeAll
    static void aTreasurerWithALiveCampaign() {
        gateway = new Gateway(SharedPlatform.platform().endpoints().gatewayUrl());
        mail = new Gateway(SharedPlatform.platform().endpoints().mailWebUrl());
        treasurer = "tresoriere-" + UUID.randomUUID() + "@example.org";
        gateway.post(
                "/api/auth/signup",
                Map.of("email", treasurer, "password", PASSWORD, "organisationName", "Les Restos du Quai"));
        token = gateway.post("/api/auth/login", Map.of("email", treasurer, "password", PASSWORD))
                .text("accessToken");
        JsonNode campaign = gateway.post(
                        "/api/campaigns",
                        token,
                        Map.of(
                                "title",
                                "Des repas tout l'hiver",
                                "summary",
                                "Un repas chaud chaque soir",
                                "goal",
                                Map.of("amount", 5_000_00, "currency", "EUR"),
                                "endsAt",
                                Instant.now().plus(Duration.ofDays(30)).toString()))
                .body();
        campaignId = campaign.get("id").asString();
        slug = campaign.get("slug").asString();
        gateway.post("/api/campaigns/" + campaignId + "/publish", token, Map.of());
    }

    @Test
    @Order(1)
    void a_treasurer_turns_receipts_on_once_every_mention_is_given_and_their_password_typed_again() {
        Gateway.Answer incomplete = gateway.put(
                "/api/organisations/me/receipts",
                token,
                Map.of("enabled", true, "legalName", "Les Restos du Quai", "currentPassword", PASSWORD));
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body().get("errors").findValuesAsString("field"))
                .containsExactly(
                        "address", "object", "legalStatus", "rna", "articles", "signatory", "eligibilityConfirmed");

        Map<String, Object> settings = new HashMap<>(Map.of(
                "enabled",
                true,
                "legalName",
                "Les Restos du Quai",
                "address",
                Map.of("line1", "4 quai de la Seine", "postalCode", "75019", "city", "Paris"),
                "object",
                "Servir des repas chauds aux personnes sans abri du 19e arrondissement",
                "legalStatus",
                "ASSOCIATION_LOI_1901",
                "rna",
                "W751987654",
                "articles",
                List.of("200", "238bis"),
                "reducedRate75",
                true,
                "signatory",
                Map.of("name", "Claire Dubois", "title", "Trésorière"),
                "eligibilityConfirmed",
                true));
        settings.put("currentPassword", "pas le bon");
        Gateway.Answer wrongPassword = gateway.put("/api/organisations/me/receipts", token, settings);
        assertThat(wrongPassword.status())
                .as("a wrong password changes nothing")
                .isEqualTo(422);
        assertThat(wrongPassword.body().get("errors").findValuesAsString("field"))
                .containsExactly("currentPassword");
        assertThat(gateway.get("/api/organisations/me/receipts/settings", token)
                        .body()
                        .get("issuing")
                        .asBoolean())
                .isFalse();

        settings.put("currentPassword", PASSWORD);
        Gateway.Answer saved = gateway.put("/api/organisations/me/receipts", token, settings);

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().get("issuing").asBoolean()).isTrue();
        JsonNode policy = gateway.get("/api/campaigns/" + campaignId + "/receipt-policy?amounts=5000")
                .body();
        assertThat(policy.get("reductionRate").asInt()).isEqualTo(75);
        assertThat(policy.get("estimates")
                        .get(0)
                        .get("costAfterReduction")
                        .get("amount")
                        .asLong())
                .isEqualTo(12_50);
        try (Browser donor = Browser.phone(SharedPlatform.platform().endpoints().gatewayUrl())) {
            donor.open("/campaigns/" + slug + "/give");
            donor.find("input[name=amount][value='5000']").click();
            assertThat(donor.pageText()).contains("soit 12,50").contains("après impôt");
            donor.fill("Autre montant (EUR)", "80");
            // 75 % of 80 € comes back: the line follows what the donor types
            donor.waiting(Duration.ofSeconds(5))
                    .until(browser -> donor.text("#reduction").contains("20,00"));
            assertThat(donor.text("#reduction")).contains("80,00").contains("après réduction d’impôt");
            assertThat(donor.unlabelledFields()).isEmpty();
            donor.screenshot("giving-form-with-receipt");
        }
    }

    @Test
    @Order(2)
    void a_donor_who_asks_gets_the_pdf_receipt_by_email_and_from_the_gift_s_page() throws IOException {
        donor = "ada-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> gift = new HashMap<>(Map.of(
                "campaignId", campaignId,
                "amount", Map.of("amount", 71_00, "currency", "EUR"),
                "donor", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", donor),
                "paymentMethod", "pm_sandbox_ok",
                "receipt",
                        Map.of(
                                "wanted",
                                true,
                                "address",
                                Map.of("line1", "3 place Bellecour", "postalCode", "69002", "city", "Lyon"))));
        Gateway.Answer given = gateway.post(
                "/api/donations",
                null,
                gift,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(given.status()).isEqualTo(201);
        donationId = given.text("id");
        String receiptUrl = given.text("receiptUrl");

        JsonNode email = await().atMost(Duration.ofSeconds(30))
                .until(() -> emailTo(donor, "Votre reçu fiscal " + FIRST), found -> found != null);
        JsonNode attachment = email.get("attachments").get(0);
        assertThat(attachment.get("fileName").asString()).isEqualTo("recu-fiscal-" + FIRST + ".pdf");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
        byte[] emailed =
                mail.bytes("/attachment?id=" + email.get("id").asString() + "&index=0", null, "application/pdf");
        String text = textOf(emailed, "receipt");
        assertThat(text)
                .contains("Reçu au titre des dons à certains organismes d'intérêt général")
                .contains("Numéro d'ordre du reçu : " + FIRST)
                .contains("Les Restos du Quai")
                .contains("4 quai de la Seine, 75019 Paris")
                .contains("Servir des repas chauds")
                .contains("W751987654")
                .contains("Lovelace")
                .contains("3 place Bellecour, 69002 Lyon")
                .contains("***71,00 €***")
                .contains("soixante-et-onze euros")
                .contains("Déclaration de don manuel")
                .contains("Numéraire")
                .contains("Carte bancaire")
                .contains("aux articles 200 et 238 bis")
                .contains("Claire Dubois, Trésorière");

        String fromTheGiftsPage = textOf(
                gateway.bytes(receiptUrl.substring(receiptUrl.indexOf("/api/")), null, "application/pdf"),
                "receipt-downloaded");
        assertThat(fromTheGiftsPage).isEqualTo(text);
        assertThat(gateway.get("/donations/" + donationId).raw().body())
                .contains("/api/donations/" + donationId + "/receipt?token=");
    }

    @Test
    @Order(3)
    void a_refund_cancels_the_receipt_the_donor_is_told_and_the_register_keeps_it() {
        assertThat(gateway.post("/api/donations/" + donationId + "/refund", token, Map.of())
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> emailTo(donor, "Votre reçu fiscal " + FIRST + " est annulé"), found -> found != null);
        JsonNode register = gateway.get("/api/organisations/me/receipts?year=" + YEAR, token)
                .body();
        assertThat(register.get("count").asInt()).isEqualTo(1);
        assertThat(register.get("receipts").get(0).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(register.get("totalReceipted").get("amount").asLong()).isZero();
        String csv = new String(
                gateway.bytes("/api/organisations/me/receipts?year=" + YEAR, token, "text/csv"),
                StandardCharsets.UTF_8);
        assertThat(csv).contains(FIRST + ";annulé;don;").contains(";Lovelace;Ada;3 place Bellecour;69002;Lyon;");
    }

    @Test
    @Order(4)
    void a_donor_asks_for_a_receipt_on_the_giving_form_and_downloads_it_from_the_thank_you_page() throws IOException {
        String giver = "lea-" + UUID.randomUUID() + "@example.org";
        try (Browser donor = Browser.phone(SharedPlatform.platform().endpoints().gatewayUrl())) {
            donor.open("/campaigns/" + slug + "/give");
            donor.find("input[name=amount][value='2500']").click();
            donor.fill("Prénom", "Léa").fill("Nom", "Fournier").fill("Adresse e-mail", giver);
            donor.labelled("Je souhaite un reçu fiscal, envoyé par e-mail dès la confirmation du don")
                    .click();
            donor.click("Valider mon don");
            assertThat(donor.pageText())
                    .as("the address is asked for only with the box ticked, then every part of it")
                    .contains("Indiquez votre adresse")
                    .contains("Indiquez votre code postal")
                    .contains("Indiquez votre ville");
            donor.find("#addressLine1").sendKeys("12 rue des Lilas"); // "Adresse" alone would find "Adresse e-mail"
            donor.fill("Code postal", "75011").fill("Ville", "Paris");
            donor.click("Valider mon don");
            donor.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.partialLinkText("Télécharger mon reçu fiscal")));
            donor.screenshot("thank-you-with-receipt");
            String link = donor.find("a[href*='/receipt?token=']").getAttribute("href");
            assertThat(textOf(
                            gateway.bytes(link.substring(link.indexOf("/api/")), null, "application/pdf"),
                            "receipt-from-form"))
                    .contains("Fournier")
                    .contains("12 rue des Lilas, 75011 Paris")
                    .contains("vingt-cinq euros");
        }
    }

    @Test
    @Order(5)
    void the_treasurer_sees_the_register_and_adds_a_signature_image_that_the_next_receipts_print() throws IOException {
        java.nio.file.Path signature = Files.createTempFile("signature", ".png");
        java.awt.image.BufferedImage drawn =
                new java.awt.image.BufferedImage(240, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D pen = drawn.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, 240, 80);
        pen.setColor(new java.awt.Color(20, 40, 120));
        pen.setStroke(new java.awt.BasicStroke(3));
        pen.drawPolyline(new int[] {10, 50, 80, 120, 160, 200, 230}, new int[] {60, 20, 55, 25, 60, 15, 50}, 7);
        pen.dispose();
        ImageIO.write(drawn, "png", signature.toFile());

        try (Browser page =
                Browser.ofWidth(SharedPlatform.platform().endpoints().gatewayUrl(), 1280)) {
            page.open("/organiser/login").fill("Adresse e-mail", treasurer).fill("Mot de passe", PASSWORD);
            page.click("Se connecter");
            page.open("/organiser/receipts");
            assertThat(page.pageText())
                    .contains("Registre des reçus " + YEAR)
                    .contains(FIRST)
                    .contains("annulé")
                    .contains("Léa Fournier");
            page.screenshot("organiser-receipts");
            page.find("#signatureImage").sendKeys(signature.toAbsolutePath().toString());
            page.find("#eligibilityConfirmed").click();
            page.fill("Votre mot de passe actuel", PASSWORD);
            page.click("Enregistrer les réglages");
            assertThat(page.pageText()).contains("Réglages enregistrés.");
        }
        assertThat(gateway.get("/api/organisations/me/receipts/settings", token)
                        .body()
                        .get("signatureImage")
                        .asBoolean())
                .isTrue();
    }

    private static JsonNode emailTo(String address, String subjectStart) {
        for (JsonNode message : mail.get("/api/messages").body()) {
            if (message.get("to").toString().contains(address)
                    && message.get("subject").asString().startsWith(subjectStart)) {
                return message;
            }
        }
        return null;
    }

    /** The PDF's text; its first page is also rendered to the screenshots, to be looked at. */
    private static String textOf(byte[] pdf, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.createDirectories(Browser.SCREENSHOTS);
            ImageIO.write(
                    new PDFRenderer(document).renderImageWithDPI(0, 80),
                    "png",
                    Browser.SCREENSHOTS.resolve(name + ".png").toFile());
            return new PDFTextStripper().getText(document);
        }
    }
}
