package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The web pages in a real headless Chromium, on the real platform: a donor gives from a phone (with and
 * without JavaScript) and watches the thermometer move, a supporter opens and shares a collection page,
 * an organiser runs a campaign from the dashboard, a stream shows the live overlay. A donor's
 * {@code <script>} shows as text. Every page is screenshotted into {@code target/screenshots/}, and the
 * weight of each page's first load is written to {@code target/page-weights.md}.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
class WebJourneysIT {

    /** Eco-design budget: a campaign page's first load, cover image aside. */
    private static final long PAGE_BUDGET_BYTES = 100 * 1024;

    private static Gateway gateway;
    private static String baseUrl;
    private static final Map<String, Long> pageWeights = new LinkedHashMap<>();

    @BeforeAll
    static void reachThePlatform() {
        baseUrl = SharedPlatform.platform().endpoints().gatewayUrl();
        gateway = new Gateway(baseUrl);
    }

    @AfterAll
    static void reportWeights() throws IOException {
        StringBuilder report = new StringBuilder(
                        "# Page weights (first load in a fresh browser profile, campaigns without a cover image)\n\n")
                .append("| page | transferred |\n|---|---|\n");
        pageWeights.forEach((page, bytes) -> report.append("| ")
                .append(page)
                .append(" | ")
                .append(String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0))
                .append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "page-weights.md"), report);
        System.out.print(report);
    }

    @Test
    void a_donor_gives_from_a_phone_and_the_thermometer_moves_while_the_page_is_open() {
        Organiser owner = organiser();
        Campaign campaign = owner.liveCampaign("Un four pour la boulangerie solidaire");
        try (Browser watching = Browser.phone(baseUrl);
                Browser donor = Browser.phone(baseUrl)) {
            watching.open("/campaigns/" + campaign.slug());
            assertThat(watching.text("[data-raised]")).isEqualTo("0 €");
            assertThat(watching.scrollsSideways()).as("fits a phone screen").isFalse();
            watching.screenshot("campaign");

            // The donor follows the association's newsletter link: its UTM tags stay with the gift.
            donor.open("/campaigns/" + campaign.slug() + "?utm_source=newsletter&utm_medium=email&utm_campaign=noel")
                    .click("Je donne");
            assertThat(donor.unlabelledFields()).isEmpty();
            donor.find("input[name=amount][value='2500']").click();
            donor.fill("Prénom", "Amina")
                    .fill("Nom", "Diallo")
                    .fill("Adresse e-mail", "amina-" + UUID.randomUUID() + "@example.org")
                    .fill("Message", "Pour le pain de tout le quartier");
            donor.labelled("Recevoir par e-mail les actualités de cette campagne (désinscription en un clic)")
                    .click();
            donor.screenshot("giving-form");
            donor.click("Valider mon don");
            donor.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Merci pour votre don !"));
            assertThat(donor.pageText()).contains("25 €").contains("Un four pour la boulangerie solidaire");
            donor.screenshot("thank-you");

            // The page opened before the gift follows it without a reload (Server-Sent Events).
            watching.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("[data-raised]"), "25 €"));
            assertThat(watching.text("[data-count]")).isEqualTo("1");
        }
        assertThat(raised(campaign.id())).isEqualTo(25_00);
        JsonNode channel = gateway.get("/api/campaigns/" + campaign.id() + "/insights", owner.token())
                .body()
                .get("channels")
                .get(0);
        assertThat(List.of(
                        channel.get("source").asString(),
                        channel.get("medium").asString(),
                        channel.get("campaign").asString()))
                .containsExactly("newsletter", "email", "noel");
    }

    @Test
    void giving_works_with_javascript_switched_off() {
        Campaign campaign = liveCampaign("Des livres pour la bibliothèque de rue");
        try (Browser donor = Browser.withoutJavaScript(baseUrl)) {
            donor.open("/campaigns/" + campaign.slug() + "/give");
            donor.find("input[name=amount][value=other]").click();
            donor.fill("Autre montant (EUR)", "12,50")
                    .fill("Prénom", "Louis")
                    .fill("Nom", "Martin")
                    .fill("Adresse e-mail", "louis-" + UUID.randomUUID() + "@example.org");
            donor.click("Valider mon don");
            // Without script the status page refreshes itself (meta refresh) until the payment is confirmed.
            donor.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Merci pour votre don !"));
            assertThat(donor.pageText()).contains("12,50 €");
        }
        assertThat(raised(campaign.id())).isEqualTo(12_50);
    }

    @Test
    void a_donor_gives_every_month_and_manages_the_gift_from_its_page_without_an_account() {
        String title = "Des goûters pour l'aide aux devoirs";
        Campaign campaign = liveCampaign(title);
        try (Browser donor = Browser.withoutJavaScript(baseUrl)) {
            donor.open("/campaigns/" + campaign.slug() + "/give");
            donor.find("input[name=frequency][value=MONTHLY]").click();
            donor.find("input[name=amount][value=other]").click();
            donor.fill("Autre montant (EUR)", "8")
                    .fill("Prénom", "Rosa")
                    .fill("Nom", "Bonheur")
                    .fill("Adresse e-mail", "rosa-" + UUID.randomUUID() + "@example.org");
            donor.click("Valider mon don");
            donor.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Merci pour votre don !"));

            donor.click("Gérer mon don régulier");
            assertThat(donor.text("h1")).contains("Mon don régulier").contains(title);
            assertThat(donor.pageText())
                    .contains("8 € par mois")
                    .contains("actif")
                    .contains("un paiement");
            donor.fill("Nouveau montant (EUR)", "12");
            donor.click("Changer le montant");
            assertThat(donor.pageText())
                    .contains("Le nouveau montant s’appliquera au prochain paiement.")
                    .contains("12 € par mois");
            new org.openqa.selenium.support.ui.Select(donor.labelled("Moyen de paiement"))
                    .selectByValue("pm_sandbox_fails_later");
            donor.click("Changer de moyen de paiement");
            assertThat(donor.pageText()).contains("Les prochains paiements se feront avec ce moyen de paiement.");
            donor.screenshot("monthly-gift-page");
            donor.click("Arrêter mon don régulier");
            assertThat(donor.pageText())
                    .contains("Votre don régulier est arrêté")
                    .doesNotContain("Changer le montant");
        }
        assertThat(raised(campaign.id())).as("the first month's gift").isEqualTo(8_00);
    }

    @Test
    void a_refused_gift_comes_back_with_each_error_next_to_its_field_and_records_nothing() {
        Campaign campaign = liveCampaign("Un toit pour le refuge");
        try (Browser donor = Browser.phone(baseUrl)) {
            donor.open("/campaigns/" + campaign.slug() + "/give");
            donor.find("input[name=amount][value=other]").click();
            donor.fill("Autre montant (EUR)", "12,345")
                    .fill("Nom", "Sans Prénom")
                    .fill("Adresse e-mail", "pas-une-adresse");
            donor.click("Valider mon don");
            assertThat(donor.text("#amount-error"))
                    .isEqualTo("Écrivez le montant en chiffres, par exemple 25 ou 25,50.");
            assertThat(donor.text("#firstName-error")).isEqualTo("Indiquez votre prénom.");
            assertThat(donor.text("#email-error")).startsWith("Indiquez une adresse e-mail valide");
            assertThat(donor.labelled("Nom").getAttribute("value"))
                    .as("kept as typed")
                    .isEqualTo("Sans Prénom");
            assertThat(donor.labelled("Prénom").getAttribute("aria-invalid")).isEqualTo("true");
            donor.screenshot("giving-form-errors");
        }
        assertThat(raised(campaign.id())).isZero();
    }

    @Test
    void what_a_donor_types_is_shown_as_text_and_never_run() {
        Campaign campaign = liveCampaign("Une cuisine pour le centre social");
        String script = "<script>window.tirelireHacked = true</script><b>gras</b>";
        Gateway.Answer gift = gateway.post(
                "/api/donations",
                null,
                Map.of(
                        "campaignId", campaign.id(),
                        "amount", Map.of("amount", 10_00, "currency", "EUR"),
                        "donor",
                                Map.of(
                                        "firstName", "<img src=x onerror=\"window.tirelireHacked=true\">",
                                        "lastName", "Pirate",
                                        "email", "pirate-" + UUID.randomUUID() + "@example.org"),
                        "message", script,
                        "paymentMethod", "pm_sandbox_ok"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(gift.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> raised(campaign.id()) == 10_00);
        try (Browser visitor = Browser.phone(baseUrl)) {
            visitor.open("/campaigns/" + campaign.slug());
            assertThat(visitor.pageText())
                    .contains(script)
                    .contains("<img src=x onerror=\"window.tirelireHacked=true\">");
            assertThat(visitor.script("return window.tirelireHacked === true")).isEqualTo(false);
            assertThat(visitor.all("section img, .list b")).isEmpty();
            visitor.screenshot("donor-text-shown-as-text");
        }
    }

    @Test
    void a_supporter_opens_a_collection_page_shares_it_and_gifts_through_it_count_toward_it() {
        Campaign campaign = liveCampaign("Le marathon des Amis du Canal");
        try (Browser supporter = Browser.phone(baseUrl);
                Browser friend = Browser.phone(baseUrl)) {
            supporter.open("/campaigns/" + campaign.slug()).click("Créer ma page de collecte");
            assertThat(supporter.unlabelledFields()).isEmpty();
            supporter
                    .fill("Votre nom (affiché)", "Léa")
                    .fill("Votre adresse e-mail", "lea-" + UUID.randomUUID() + "@example.org")
                    .fill("Titre de la page", "Léa court 42 km")
                    .fill("Votre objectif (EUR)", "300")
                    .fill("Votre message", "Je cours pour la péniche !");
            supporter.click("Créer ma page");
            assertThat(supporter.pageText()).contains("Votre page est ouverte !");
            assertThat(supporter.url()).contains("/edit?token=");
            supporter.screenshot("fundraiser-created");
            supporter.click("Voir ma page");
            String pageUrl = supporter.url();
            assertThat(supporter.find("a[href^='https://wa.me/']").getAttribute("href"))
                    .contains(java.net.URLEncoder.encode(pageUrl, StandardCharsets.UTF_8));
            supporter.script("document.querySelector('img.qr').scrollIntoView()"); // loaded lazily, once in view
            supporter
                    .waiting(Duration.ofSeconds(10))
                    .withMessage("the QR code image loads")
                    .until(browser -> (Boolean) supporter.script(
                            "const qr = document.querySelector('img.qr'); return qr.complete && qr.naturalWidth > 0;"));
            supporter.screenshot("fundraiser-page");

            friend.open(pageUrl.substring(baseUrl.length())).click("Je donne pour la page de Léa");
            friend.find("input[name=amount][value='5000']").click();
            friend.fill("Prénom", "Tom")
                    .fill("Nom", "Ami")
                    .fill("Adresse e-mail", "tom-" + UUID.randomUUID() + "@example.org");
            assertThat(friend.pageText()).contains("Votre don compte aussi pour la page de collecte");
            friend.click("Valider mon don");
            friend.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Merci pour votre don !"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                supporter.open(pageUrl.substring(baseUrl.length()));
                assertThat(supporter.text(".raised")).isEqualTo("50 €");
            });
        }
        assertThat(raised(campaign.id())).isEqualTo(50_00);
    }

    @Test
    void an_organiser_runs_a_campaign_from_the_dashboard() throws Exception {
        String email = "tresorier-" + UUID.randomUUID() + "@example.org";
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280)) {
            organiser.open("/organiser/signup");
            organiser
                    .fill("Nom de l’association", "Les Jardins d’Émile")
                    .fill("Adresse e-mail", email)
                    .fill("Mot de passe", "une longue phrase de passe");
            organiser.click("Créer le compte");
            assertThat(organiser.pageText()).contains("Bienvenue");
            organiser.click("Nouvelle campagne");
            assertThat(organiser.unlabelledFields()).isEmpty();
            organiser
                    .fill("Titre", "Des ruches sur le toit")
                    .fill("Résumé", "Trois ruches pour polliniser le quartier.")
                    .fill("L’histoire", "## Pourquoi\n\nParce que les **abeilles** comptent.")
                    .fill("Objectif", "1500")
                    .fill("Contrepartie 1", "Un pot de miel")
                    .fill("Don minimum", "20")
                    .fill("Quantité (vide : illimitée)", "40")
                    .fill("Objectif bonus 1", "Une quatrième ruche")
                    .fill("Montant à atteindre", "2000");
            setDate(organiser, "Date de fin", LocalDate.now().plusDays(40));
            organiser.screenshot("organiser-new-campaign");
            organiser.click("Créer la campagne (brouillon)");
            assertThat(organiser.pageText()).contains("Campagne créée en brouillon");
            organiser.click("Publier");
            assertThat(organiser.pageText()).contains("La campagne est publiée");
            String campaignId = organiser.url().replaceAll(".*/organiser/campaigns/([^/?]+).*", "$1");

            organiser.fill("Montant (EUR)", "50").fill("Prénom", "Émile");
            organiser.labelled("Moyen").sendKeys("Chèque");
            organiser.click("Enregistrer le don");
            assertThat(organiser.pageText()).contains("Don hors ligne enregistré");
            await().atMost(Duration.ofSeconds(30)).until(() -> raised(campaignId) == 50_00);

            String online = giveThroughTheApi(campaignId, 30_00);
            await().atMost(Duration.ofSeconds(30)).until(() -> raised(campaignId) == 80_00);
            organiser.open("/organiser/campaigns/" + campaignId);
            organiser.screenshot("organiser-campaign");
            // What the campaign's gifts tell: figures, a chart drawn by the server, where the gifts come from.
            assertThat(organiser.pageText())
                    .contains("Indicateurs")
                    .contains("80 € collectés en 2 dons")
                    .contains("Chèques · 1 · 50 €")
                    .contains("Page de la campagne · 1 · 30 €");
            assertThat(organiser.all("svg.chart rect.day")).hasSize(1);
            organiser.script("document.getElementById('insights-title').scrollIntoView()");
            organiser.screenshot("organiser-insights");
            organiser.press("form[action$='/donations/" + online + "/refund'] button");
            assertThat(organiser.pageText()).contains("Don remboursé");
            await().atMost(Duration.ofSeconds(30)).until(() -> raised(campaignId) == 50_00);

            organiser.fill("Titre", "Les ruches sont arrivées").fill("Texte", "Merci à tous, elles bourdonnent déjà !");
            organiser.click("Publier l’actualité");
            assertThat(organiser.pageText()).contains("Actualité publiée");

            HttpResponse<byte[]> csv = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            baseUrl + "/organiser/campaigns/" + campaignId + "/donations.csv"))
                                    .header("Cookie", "tirelire_session=" + organiser.cookie("tirelire_session"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(csv.statusCode()).isEqualTo(200);
            String export = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(export).startsWith("\uFEFF").contains(";50,00;").contains("Émile");

            organiser.open("/organiser");
            assertThat(organiser.pageText()).contains("Des ruches sur le toit").contains("En cours");
            organiser.screenshot("organiser-dashboard");

            organiser.open("/campaigns/" + slugOf(campaignId));
            assertThat(organiser.pageText())
                    .contains("Un pot de miel")
                    .contains("Une quatrième ruche")
                    .contains("Les ruches sont arrivées");
            assertThat(organiser.find(".story h2").getText()).isEqualTo("Pourquoi");
        }
    }

    @Test
    void an_organiser_hides_an_abusive_collection_page() {
        Organiser owner = organiser();
        Campaign campaign = owner.liveCampaign("La fête du quartier");
        String slug = gateway.post(
                        "/api/campaigns/" + campaign.id() + "/fundraisers",
                        Map.of(
                                "supporter",
                                Map.of("name", "Troll", "email", "troll@example.org"),
                                "title",
                                "Page injurieuse"))
                .text("slug");
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280)) {
            owner.logIn(organiser);
            organiser.open("/organiser/campaigns/" + campaign.id());
            assertThat(organiser.pageText()).contains("Troll — Page injurieuse");
            organiser.press("form[action$='/fundraisers/" + slug + "/hide'] button");
            assertThat(organiser.pageText()).contains("Page de collecte masquée");
        }
        assertThat(gateway.get("/api/fundraisers/" + slug).status()).isEqualTo(404);
    }

    @Test
    void an_organiser_registers_a_webhook_and_their_server_receives_each_gift_signed() throws Exception {
        Organiser owner = organiser();
        Campaign campaign = owner.liveCampaign("Les paniers solidaires");
        List<Map<String, String>> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/tirelire", exchange -> {
            received.add(Map.of(
                    "signature",
                    exchange.getRequestHeaders().getFirst("Tirelire-Signature"),
                    "body",
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280)) {
            owner.logIn(organiser);
            organiser.click("Webhooks (pour votre logiciel)");
            organiser.fill(
                    "Adresse de réception",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/tirelire");
            organiser.labelled("Don confirmé").click();
            organiser.click("Ajouter le webhook");
            String secret = organiser.labelled("Secret de signature").getAttribute("value");
            assertThat(secret).startsWith("whsec_");
            organiser.screenshot("organiser-webhooks");

            String donationId = giveThroughTheApi(campaign.id(), 40_00);
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            Map<String, String> delivery = received.get(0);
            assertThat(delivery.get("body")).contains(donationId).contains("org.tirelire.donation.confirmed.v1");
            assertThat(delivery.get("signature")).isEqualTo(expectedSignature(secret, delivery));

            organiser.open("/organiser/webhooks");
            organiser.press("td a");
            assertThat(organiser.pageText()).contains("Don confirmé").contains("Reçu");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void an_association_connects_its_stripe_account_and_a_donor_pays_on_stripes_page() {
        Organiser owner = organiser();
        Campaign campaign = owner.liveCampaign("Un toit pour la ressourcerie");
        String secretKey = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280)) {
            owner.logIn(organiser);
            assertThat(organiser.pageText()).contains("Vos campagnes sont en mode démonstration");
            organiser.click("Compte de paiement");
            organiser.labelled("Stripe").click();
            organiser.fill("Clé secrète", secretKey).fill("Secret de signature du webhook", webhookSecret);
            organiser.fill("Votre mot de passe actuel", "pas mon mot de passe");
            organiser.click("Vérifier et enregistrer");
            assertThat(organiser.pageText())
                    .contains("Ce n’est pas votre mot de passe actuel.")
                    .contains("Mode démonstration");
            assertThat(organiser.labelled("Clé secrète").getAttribute("value")).isEmpty();

            organiser.labelled("Stripe").click();
            organiser.fill("Clé secrète", secretKey).fill("Secret de signature du webhook", webhookSecret);
            organiser.fill("Votre mot de passe actuel", owner.password());
            organiser.click("Vérifier et enregistrer");
            assertThat(organiser.pageText())
                    .contains("C’est enregistré")
                    .contains("Les dons sont encaissés par Stripe (clé …" + secretKey.substring(secretKey.length() - 4))
                    .contains("/api/payments/webhooks/stripe")
                    .doesNotContain(secretKey)
                    .doesNotContain(webhookSecret);
            organiser.screenshot("organiser-payments");
            organiser.open("/organiser/campaigns/" + campaign.id());
            assertThat(organiser.pageText())
                    .contains("Les dons de cette campagne sont encaissés par Stripe, sur le compte de l’association.");
        }

        try (Browser donor = Browser.phone(baseUrl)) {
            donor.open("/campaigns/" + campaign.slug() + "/give");
            assertThat(donor.pageText())
                    .contains("Vous paierez sur la page sécurisée de Stripe")
                    .contains("Prélèvement SEPA")
                    .doesNotContain("Paiements de démonstration");
            donor.find("input[name=amount][value='5000']").click();
            donor.fill("Prénom", "Inès")
                    .fill("Nom", "Moreau")
                    .fill("Adresse e-mail", "ines-" + UUID.randomUUID() + "@example.org");
            donor.click("Valider mon don");
            assertThat(donor.url()).startsWith(StripeStandIn.apiBase() + "/c/pay/cs_test_");
            assertThat(donor.title()).isEqualTo("Stripe Checkout");
            String sessionId = donor.url().substring(donor.url().lastIndexOf('/') + 1);
            String donationId = sessionId.substring("cs_test_".length());

            // The donor pays on Stripe's page; Stripe tells the platform, signed, and sends the donor back.
            String event = StripeStandIn.completedEvent(sessionId, donationId, 50_00);
            assertThat(gateway.send(
                                    "POST",
                                    "/api/payments/webhooks/stripe",
                                    null,
                                    event,
                                    Map.of("Stripe-Signature", StripeStandIn.signature(event, webhookSecret)))
                            .status())
                    .isEqualTo(200);
            donor.open("/donations/" + donationId);
            donor.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Merci pour votre don !"));
            assertThat(donor.pageText()).contains("50 €");
        }
        assertThat(raised(campaign.id())).isEqualTo(50_00);
        Gateway mail = new Gateway(SharedPlatform.platform().endpoints().mailWebUrl());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> java.util.stream.StreamSupport.stream(
                                mail.get("/api/messages").body().spliterator(), false)
                        .anyMatch(email -> email.get("to").toString().contains(owner.email())
                                && email.get("subject")
                                        .asString()
                                        .equals("Compte de paiement de l’association : Stripe")));
    }

    @Test
    void an_invited_volunteer_joins_from_the_email_and_is_offered_only_what_volunteers_may_do() {
        Organiser president = organiser();
        Campaign campaign = president.liveCampaign("La tombola du quartier");
        String volunteer = "benevole-" + UUID.randomUUID() + "@example.org";
        try (Browser admin = Browser.ofWidth(baseUrl, 1280)) {
            president.logIn(admin);
            admin.click("Équipe");
            admin.fill("E-mail", volunteer);
            admin.click("Envoyer l’invitation");
            assertThat(admin.pageText()).contains("Invitation envoyée").contains(volunteer);
        }
        Gateway mail = new Gateway(SharedPlatform.platform().endpoints().mailWebUrl());
        String link =
                await().atMost(Duration.ofSeconds(30)).until(() -> invitationLink(mail, volunteer), l -> l != null);

        try (Browser invited = Browser.ofWidth(baseUrl, 1280)) {
            invited.open(link);
            assertThat(invited.pageText()).contains("vous invite à rejoindre l’équipe de Les Pages");
            invited.fill("Choisissez un mot de passe", "une phrase de passe");
            invited.click("Rejoindre l’équipe");
            assertThat(invited.pageText())
                    .contains("Bienvenue dans l’équipe")
                    .doesNotContain("Nouvelle campagne")
                    .doesNotContain("Compte de paiement");
            invited.click("La tombola du quartier");
            assertThat(invited.pageText())
                    .contains("Enregistrer un don hors ligne")
                    .as("a volunteer sees no donor and changes no campaign")
                    .doesNotContain("Exporter en CSV")
                    .doesNotContain("Modifier");
            invited.open(link);
            assertThat(invited.pageText()).contains("Cette invitation a déjà servi");
        }
    }

    @Test
    void an_administrator_turns_on_two_factor_sign_in_requires_it_and_a_volunteer_sets_it_up_at_next_sign_in()
            throws Exception {
        Organiser president = organiser();
        String volunteer = "benevole-" + UUID.randomUUID() + "@example.org";
        assertThat(gateway.post(
                                "/api/organisations/me/members",
                                president.token(),
                                Map.of("email", volunteer, "role", "VOLUNTEER"))
                        .status())
                .isEqualTo(201);
        Gateway mail = new Gateway(SharedPlatform.platform().endpoints().mailWebUrl());
        String link =
                await().atMost(Duration.ofSeconds(30)).until(() -> invitationLink(mail, volunteer), l -> l != null);
        assertThat(gateway.post("/api/" + link.substring(1) + "/accept", Map.of("password", "une phrase de passe"))
                        .status())
                .isEqualTo(200);

        try (Browser admin = Browser.ofWidth(baseUrl, 1280)) {
            president.logIn(admin);
            admin.click("Sécurité");
            assertThat(admin.pageText()).contains("n’est pas exigée des membres");
            admin.click("L’exiger de chaque membre");
            assertThat(admin.pageText())
                    .as("an administrator uses it before requiring it")
                    .contains("Activez d’abord la double authentification pour votre propre compte");
            admin.click("Activer la double authentification");
            assertThat(admin.find("svg[aria-label='QR code']").isDisplayed()).isTrue();
            assertThat(admin.all("ul.list code")).as("ten recovery codes").hasSize(10);
            String secret = admin.text("main p code");
            admin.fill("Code de l’application d’authentification", authenticatorCode(secret, Instant.now()));
            admin.click("Activer");
            admin.click("L’exiger de chaque membre");
            assertThat(admin.pageText()).contains("C’est fait : chaque membre se connecte désormais avec un code");
            admin.screenshot("security-required-by-the-organisation");
        }

        try (Browser member = Browser.ofWidth(baseUrl, 1280)) {
            member.open("/organiser/login")
                    .fill("Adresse e-mail", volunteer)
                    .fill("Mot de passe", "une phrase de passe");
            member.click("Se connecter");
            assertThat(member.pageText())
                    .contains("Votre association demande à chaque membre la double authentification");
            assertThat(member.find("svg[aria-label='QR code']").isDisplayed()).isTrue();
            member.screenshot("security-set-up-at-sign-in");
            String secret = member.text("main p code");
            member.fill("Code de l’application d’authentification", "000000");
            member.click("Activer");
            assertThat(member.pageText()).contains("Ce code ne correspond pas");
            member.fill("Code de l’application d’authentification", authenticatorCode(secret, Instant.now()));
            member.click("Activer");
            assertThat(member.pageText())
                    .contains("connectez-vous avec votre mot de passe et le code de votre application");
            member.fill("Adresse e-mail", volunteer).fill("Mot de passe", "une phrase de passe");
            member.fill(
                    "Code de l’application d’authentification",
                    authenticatorCode(secret, Instant.now().plusSeconds(30)));
            member.click("Se connecter");
            assertThat(member.pageText()).contains("Campagnes de Les Pages");
        }
    }

    /** What an authenticator app with this secret shows at this instant. */
    private static String authenticatorCode(String secret, Instant at) throws Exception {
        com.eatthepath.otp.TimeBasedOneTimePasswordGenerator totp =
                new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator();
        return totp.generateOneTimePasswordString(
                new javax.crypto.spec.SecretKeySpec(
                        new org.apache.commons.codec.binary.Base32().decode(secret), totp.getAlgorithm()),
                at);
    }

    private static String invitationLink(Gateway mail, String address) {
        for (JsonNode message : mail.get("/api/messages").body()) {
            if (message.get("to").toString().contains(address)) {
                java.util.regex.Matcher found = java.util.regex.Pattern.compile("(/invitations/[A-Za-z0-9_-]+)")
                        .matcher(message.get("text").asString());
                if (found.find()) {
                    return found.group(1);
                }
            }
        }
        return null;
    }

    @Test
    void the_live_overlay_pops_up_each_gift_for_the_stream_and_celebrates_the_incentive_it_unlocks() {
        // A small goal, and an incentive above it: "at 15 € the choir sings".
        Campaign campaign = organiser()
                .liveCampaign(
                        "Le gala de la chorale",
                        10_00,
                        List.of(Map.of(
                                "amount", Map.of("amount", 15_00, "currency", "EUR"), "label", "La chorale chante")));
        try (Browser stream = Browser.ofWidth(baseUrl, 1280)) {
            stream.open("/campaigns/" + campaign.slug() + "/overlay");
            assertThat(stream.script("return getComputedStyle(document.body).backgroundColor"))
                    .isEqualTo("rgba(0, 0, 0, 0)");
            giveThroughTheApi(campaign.id(), 20_00, "Zoé", "Bravo la chorale <3");
            stream.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert")));
            assertThat(stream.text(".alert")).contains("Zoé").contains("20 €").contains("Bravo la chorale <3");
            stream.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("[data-raised]"), "20 €"));
            // The incentive pops up apart from the gifts, while the alerts last.
            stream.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".alerts"), "La chorale chante"));
            assertThat(stream.all(".alert.unlocked"))
                    .anySatisfy(unlocked -> assertThat(unlocked.getText())
                            .containsIgnoringCase("Débloqué")
                            .contains("La chorale chante · 15 €"));
            Path overlay = stream.screenshot("live-overlay");
            // Viewers scan the overlay's QR code to give from their phone; its link is tagged for the insights.
            assertThat(QrCode.readFrom(overlay))
                    .startsWith("http://localhost:")
                    .endsWith("/campaigns/" + campaign.slug() + "/give?utm_source=stream&utm_medium=overlay");
        }
    }

    @Test
    void a_sponsor_doubles_each_gift_for_an_evening_and_the_campaign_page_says_so_on_a_small_phone() {
        Organiser owner = organiser();
        // A title with a word longer than a small phone is wide, as a pasted address would be.
        Campaign campaign = owner.liveCampaign("Gala #solidaritéboulangeriedelaruedesmartyrs2026");
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280)) {
            owner.logIn(organiser);
            organiser.open("/organiser/campaigns/" + campaign.id());
            organiser.fill("Mécène (le nom que verront les donateurs)", "La Boulangerie Martin");
            organiser.fill("Plafond du mécène (EUR)", "cinquante");
            // The date and time as the browser's picker sets it, in the association's time zone.
            String inTwoHours = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Paris"))
                    .plusHours(2)
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    .toString();
            organiser.script("document.getElementById('match-endsAt').value = '" + inTwoHours + "'");
            organiser.click("Ajouter le mécène");
            assertThat(organiser.pageText()).contains("Écrivez le plafond en chiffres");
            organiser.fill("Plafond du mécène (EUR)", "50");
            organiser.script("document.getElementById('match-endsAt').value = '" + inTwoHours + "'");
            organiser.click("Ajouter le mécène");
            assertThat(organiser.pageText())
                    .contains("Le mécène est ajouté")
                    .contains("La Boulangerie Martin double chaque don : 0 € donnés sur 50 €");
            organiser.screenshot("organiser-sponsor-match");
        }
        giveThroughTheApi(campaign.id(), 20_00);
        await().atMost(Duration.ofSeconds(30)).until(() -> raised(campaign.id()) == 40_00);

        try (Browser visitor = Browser.ofWidth(baseUrl, 320)) {
            visitor.open("/campaigns/" + campaign.slug());
            assertThat(visitor.text("[data-raised]")).isEqualTo("40 €");
            assertThat(visitor.pageText())
                    .contains("dont 20 € donnés par les mécènes")
                    .contains("La Boulangerie Martin double chaque don jusqu’à")
                    .contains("30 € sur 50 € restent à donner par le mécène");
            assertThat(visitor.scrollsSideways()).as("a long word wraps").isFalse();
            visitor.screenshot("campaign-with-a-sponsor-320px");

            // The stream's overlay shows the match with a countdown to its end.
            visitor.open("/campaigns/" + campaign.slug() + "/overlay");
            assertThat(visitor.text("[data-match]")).startsWith("×2 La Boulangerie Martin · reste 30 € ·");
            assertThat(visitor.text("[data-next]")).isEqualTo("Prochain palier · 25% · 250 €");
            visitor.waiting(Duration.ofSeconds(5))
                    .until(browser -> visitor.text("[data-match-countdown]").matches("1:5\\d:\\d\\d"));
        }

        // The bakery sends what it owes: its transfer counts in place of the match, so the total stays.
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280)) {
            owner.logIn(organiser);
            organiser.open("/organiser/campaigns/" + campaign.id());
            assertThat(organiser.labelled("Reçu du mécène (EUR)").getAttribute("value"))
                    .isEqualTo("20");
            organiser.click("Le mécène a payé");
            assertThat(organiser.pageText()).contains("Le paiement du mécène est enregistré comme son don");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> gateway.get("/api/campaigns/" + campaign.id() + "/progress")
                            .body()
                            .get("matches")
                            .get(0)
                            .hasNonNull("paid"));
            assertThat(raised(campaign.id())).isEqualTo(40_00);
            organiser.open("/organiser/campaigns/" + campaign.id());
            assertThat(organiser.pageText()).contains("payé : 20 €");
            organiser.script("document.getElementById('match-title').scrollIntoView()");
            organiser.screenshot("organiser-sponsor-paid");
        }
    }

    @Test
    void a_stream_asks_donors_a_question_and_each_gift_votes_with_its_amount() {
        Organiser owner = organiser();
        Campaign campaign = owner.liveCampaign("Le concert de la chorale");
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280);
                Browser stream = Browser.ofWidth(baseUrl, 1280);
                Browser donor = Browser.withoutJavaScript(baseUrl)) {
            owner.logIn(organiser);
            organiser.open("/organiser/campaigns/" + campaign.id());
            organiser.fill("Question posée aux donateurs", "Quelle chanson pour finir ?");
            organiser.fill("Réponses, une par ligne (de 2 à 6)", "La Mer");
            organiser.click("Ouvrir le vote");
            assertThat(organiser.pageText()).contains("Écrivez de 2 à 6 réponses différentes");
            organiser.fill("Réponses, une par ligne (de 2 à 6)", "La Mer\nSyracuse");
            organiser.click("Ouvrir le vote");
            assertThat(organiser.pageText()).contains("Le vote est ouvert");

            stream.open("/campaigns/" + campaign.slug() + "/overlay");
            assertThat(stream.text("[data-poll]"))
                    .contains("Quelle chanson pour finir ?")
                    .contains("Syracuse");

            // The donor votes from the giving form, without JavaScript: the gift's whole amount counts.
            donor.open("/campaigns/" + campaign.slug() + "/give");
            assertThat(donor.pageText()).contains("Quelle chanson pour finir ?").contains("Je ne vote pas");
            donor.find("input[name=amount][value=other]").click();
            donor.fill("Autre montant (EUR)", "30")
                    .fill("Prénom", "Inès")
                    .fill("Nom", "Morel")
                    .fill("Adresse e-mail", "ines-" + UUID.randomUUID() + "@example.org");
            donor.labelled("Syracuse").click();
            donor.click("Valider mon don");
            donor.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Merci pour votre don !"));

            stream.waiting(Duration.ofSeconds(20))
                    .until(browser -> stream.text("[data-poll]").contains("30 € · 100 %"));
            stream.screenshot("live-overlay-poll");

            organiser.open("/organiser/campaigns/" + campaign.id());
            organiser.click("Clore le vote");
            assertThat(organiser.pageText()).contains("Le vote est clos");
        }
        try (Browser visitor = Browser.phone(baseUrl)) {
            visitor.open("/campaigns/" + campaign.slug());
            assertThat(visitor.pageText())
                    .contains("Résultat du vote")
                    .contains("Syracuse · 30 € (100 %)")
                    .contains("La Mer · 0 € (0 %)");
            visitor.script("document.getElementById('poll-title').scrollIntoView()");
            visitor.screenshot("campaign-poll-result");
            visitor.open("/campaigns/" + campaign.slug() + "/give");
            assertThat(visitor.pageText())
                    .as("a closed poll takes no more votes")
                    .doesNotContain("Je ne vote pas");
        }
    }

    @Test
    void the_association_s_site_shows_a_campaign_s_widgets_and_no_other_site_can() throws Exception {
        Organiser owner = organiser();
        Campaign campaign = owner.liveCampaign("Des vélos pour l’école du quartier");
        HttpServer associationSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String widgets = "<!DOCTYPE html><title>Les Amis du Vélo</title><h1>Notre collecte</h1>"
                + "<iframe id=progress width=420 height=220 src=\"" + baseUrl + "/embed/campaigns/" + campaign.slug()
                + "/progress?color=aa3300\"></iframe>"
                + "<iframe id=give width=420 height=290 src=\"" + baseUrl + "/embed/campaigns/" + campaign.slug()
                + "/give\"></iframe>"
                + "<iframe id=form width=420 height=1400 src=\"" + baseUrl + "/embed/campaigns/" + campaign.slug()
                + "/form\"></iframe>"
                + "<script src=\"" + baseUrl + "/assets/embed.js\" async></script>";
        associationSite.createContext("/", exchange -> {
            byte[] page = widgets.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        associationSite.start();
        int port = associationSite.getAddress().getPort();
        try {
            Gateway.Answer refused = gateway.put(
                    "/api/organisations/me/embeds", owner.token(), Map.of("origins", List.of("javascript:alert(1)")));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactly("origins");
            Gateway.Answer allowed = gateway.put(
                    "/api/organisations/me/embeds",
                    owner.token(),
                    Map.of("origins", List.of("HTTP://127.0.0.1:" + port + "/")));
            assertThat(allowed.status()).as(allowed.raw().body()).isEqualTo(200);
            assertThat(allowed.body().get("origins").size()).isEqualTo(1);
            assertThat(allowed.body().get("origins").get(0).asString())
                    .as("kept as the origin a browser compares")
                    .isEqualTo("http://127.0.0.1:" + port);

            try (Browser visitor = Browser.ofWidth(baseUrl, 1000)) {
                visitor.open("http://127.0.0.1:" + port + "/");
                assertThat(visitor.frameText("#progress"))
                        .contains("Des vélos pour l’école du quartier")
                        .contains("0 €")
                        .contains("Je donne");
                assertThat(visitor.frameText("#give")).contains("25 €").contains("Autre montant");
                // The optional script sizes each frame to its widget.
                visitor.waiting(Duration.ofSeconds(10))
                        .until(browser -> ((String)
                                        visitor.script("return document.getElementById('give').style.height"))
                                .matches("\\d+px"));
                visitor.screenshot("widgets-on-the-association-site");

                // The whole giving form, on the association's page: sent, the gift goes on at Tirelire's address.
                assertThat(visitor.frameText("#form")).contains("Prénom").doesNotContain("Se connecter");
                visitor.inFrame("#form", form -> {
                    form.find("input[name=amount][value=other]").click();
                    form.fill("Autre montant (EUR)", "18")
                            .fill("Prénom", "Malik")
                            .fill("Nom", "Benali")
                            .fill("Adresse e-mail", "malik-" + UUID.randomUUID() + "@example.org");
                    form.find("form[action*='/embed/campaigns/'] button[type=submit]")
                            .click();
                });
                visitor.waiting(Duration.ofSeconds(20))
                        .until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Merci pour votre don !"));
                assertThat(visitor.url()).startsWith(baseUrl + "/donations/");

                // The same page from another origin (localhost is not 127.0.0.1 to a browser): refused.
                visitor.open("http://localhost:" + port + "/");
                assertThat(visitor.frameText("#progress")).doesNotContain("Des vélos pour l’école du quartier");
                assertThat(visitor.frameText("#give")).doesNotContain("Autre montant");
                assertThat(visitor.frameText("#form")).doesNotContain("Prénom");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> raised(campaign.id()) == 18_00);
        } finally {
            associationSite.stop(0);
        }

        // A CMS given the campaign's address finds the widget through the page's oEmbed link.
        try (Browser cms = Browser.phone(baseUrl)) {
            cms.open("/campaigns/" + campaign.slug());
            String discovery = cms.find("link[type='application/json+oembed']").getAttribute("href");
            Gateway.Answer oembed = gateway.get(discovery.substring(discovery.indexOf("/oembed")));
            assertThat(oembed.status()).isEqualTo(200);
            assertThat(oembed.text("type")).isEqualTo("rich");
            assertThat(oembed.text("html"))
                    .startsWith("<iframe src=")
                    .contains("/embed/campaigns/" + campaign.slug() + "/progress");
        }
    }

    @Test
    void an_organiser_holds_messages_with_a_listed_word_and_hides_any_other_in_one_click() {
        Organiser owner = organiser();
        Campaign campaign = owner.liveCampaign("La chorale du canal");
        try (Browser organiser = Browser.ofWidth(baseUrl, 1280)) {
            owner.logIn(organiser);
            organiser.open("/organiser/security");
            organiser.fill("Mots retenus", "arnaque, 06");
            organiser.click("Enregistrer les mots");
            assertThat(organiser.pageText()).contains("Les mots sont enregistrés");

            giveThroughTheApi(campaign.id(), 10_00, "Mallory", "Quelle ARNAQUE !");
            giveThroughTheApi(campaign.id(), 20_00, "Bob", "Appelez Bob au 07 00 00 00 00");
            await().atMost(Duration.ofSeconds(30)).until(() -> raised(campaign.id()) == 30_00);
            assertThat(gateway.get("/api/campaigns/" + campaign.id() + "/supporters")
                            .raw()
                            .body())
                    .doesNotContain("ARNAQUE")
                    .contains("Appelez Bob");

            organiser.open("/organiser/campaigns/" + campaign.id());
            assertThat(organiser.pageText()).contains("Quelle ARNAQUE !").contains("retenu : contient « arnaque »");
            organiser.click("Masquer le message");
            assertThat(organiser.pageText()).contains("Le message n’apparaît plus sur la page de la campagne");
            organiser.screenshot("organiser-moderation");
        }
        assertThat(gateway.get("/api/campaigns/" + campaign.id() + "/supporters")
                        .raw()
                        .body())
                .doesNotContain("ARNAQUE")
                .doesNotContain("Appelez Bob");
    }

    @Test
    void the_pages_speak_english_on_request_and_fit_a_320_pixel_screen() {
        Campaign campaign = liveCampaign("Une salle de répétition");
        try (Browser visitor = Browser.ofWidth(baseUrl, 320)) {
            visitor.open("/campaigns/" + campaign.slug() + "?lang=en");
            assertThat(visitor.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(visitor.pageText()).contains("raised of a €1,000 goal").contains("Give");
            assertThat(visitor.scrollsSideways()).isFalse();
            visitor.open("/");
            assertThat(visitor.pageText()).as("the choice is remembered").contains("Support an association");
            assertThat(visitor.scrollsSideways()).isFalse();
            visitor.screenshot("home-320px-english");
        }
    }

    /** Eco-design: each page's first load (a fresh profile, nothing cached) stays under the budget. */
    @Test
    void every_public_page_weighs_under_a_hundred_kilobytes_on_first_load() {
        Campaign campaign = liveCampaign("La recyclerie du quartier");
        giveThroughTheApi(campaign.id(), 15_00, "Mila", "Pour la recyclerie");
        String page = gateway.post(
                        "/api/campaigns/" + campaign.id() + "/fundraisers",
                        Map.of("supporter", Map.of("name", "Sam", "email", "sam@example.org"), "title", "Sam recycle"))
                .text("slug");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home page", "/");
        pages.put("campaign page", "/campaigns/" + campaign.slug());
        pages.put("giving form", "/campaigns/" + campaign.slug() + "/give");
        pages.put("collection page (QR code included)", "/fundraisers/" + page);
        pages.put("organiser login", "/organiser/login");
        pages.forEach((name, path) -> {
            try (Browser visitor = Browser.phone(baseUrl)) {
                visitor.open(path);
                if (path.startsWith("/fundraisers/")) {
                    visitor.script("document.querySelector('img.qr').scrollIntoView()");
                    visitor.waiting(Duration.ofSeconds(10)).until(browser ->
                            (Boolean) visitor.script("return document.querySelector('img.qr').complete"));
                }
                long bytes = visitor.transferredBytes();
                pageWeights.put(name, bytes);
                assertThat(bytes).as(name + " weighs under the budget").isLessThan(PAGE_BUDGET_BYTES);
            }
        });
    }

    // helpers

    private record Campaign(String id, String slug) {}

    private record Organiser(String email, String password, String token) {

        Campaign liveCampaign(String title) {
            return liveCampaign(title, 1_000_00, List.of());
        }

        Campaign liveCampaign(String title, long goal, List<Map<String, Object>> stretchGoals) {
            Gateway.Answer created = gateway.post(
                    "/api/campaigns",
                    token,
                    Map.of(
                            "title",
                            title,
                            "summary",
                            "Une campagne de test des pages",
                            "goal",
                            Map.of("amount", goal, "currency", "EUR"),
                            "endsAt",
                            Instant.now().plus(Duration.ofDays(30)).toString(),
                            "stretchGoals",
                            stretchGoals));
            assertThat(created.status()).isEqualTo(201);
            String id = created.text("id");
            assertThat(gateway.post("/api/campaigns/" + id + "/publish", token, Map.of())
                            .status())
                    .isEqualTo(200);
            return new Campaign(id, created.text("slug"));
        }

        void logIn(Browser browser) {
            browser.open("/organiser/login").fill("Adresse e-mail", email).fill("Mot de passe", password);
            browser.click("Se connecter");
        }
    }

    private static Organiser organiser() {
        String email = "orga-" + UUID.randomUUID() + "@example.org";
        String password = "une phrase de passe";
        gateway.post("/api/auth/signup", Map.of("email", email, "password", password, "organisationName", "Les Pages"));
        String token = gateway.post("/api/auth/login", Map.of("email", email, "password", password))
                .text("accessToken");
        return new Organiser(email, password, token);
    }

    private static Campaign liveCampaign(String title) {
        return organiser().liveCampaign(title);
    }

    private static String giveThroughTheApi(String campaignId, long amount) {
        return giveThroughTheApi(campaignId, amount, "Nadia", null);
    }

    private static String giveThroughTheApi(String campaignId, long amount, String firstName, String message) {
        Map<String, Object> gift = new HashMap<>(Map.of(
                "campaignId",
                campaignId,
                "amount",
                Map.of("amount", amount, "currency", "EUR"),
                "donor",
                Map.of(
                        "firstName",
                        firstName,
                        "lastName",
                        "Donatrice",
                        "email",
                        "don-" + UUID.randomUUID() + "@example.org"),
                "paymentMethod",
                "pm_sandbox_ok"));
        if (message != null) {
            gift.put("message", message);
        }
        // The publication may take a moment to reach donation-service: a donor would simply try again.
        Gateway.Answer[] answer = new Gateway.Answer[1];
        String key = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            answer[0] = gateway.post("/api/donations", null, gift, Map.of("Idempotency-Key", key));
            return answer[0].status() == 201;
        });
        return answer[0].text("id");
    }

    private static long raised(String campaignId) {
        return gateway.get("/api/campaigns/" + campaignId + "/progress")
                .body()
                .get("raised")
                .get("amount")
                .asLong();
    }

    private static String slugOf(String campaignId) {
        return gateway.get("/api/campaigns/" + campaignId).text("slug");
    }

    /** What a receiver computes to check a delivery: HMAC-SHA256 of "timestamp.body" with the secret. */
    private static String expectedSignature(String secret, Map<String, String> delivery) throws Exception {
        String timestamp = delivery.get("signature").replaceAll("^t=(\\d+),.*$", "$1");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((timestamp + "." + delivery.get("body")).getBytes(StandardCharsets.UTF_8));
        return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(digest);
    }

    /** A date field's picker differs with the browser's locale; its value is the same ISO date everywhere. */
    private static void setDate(Browser browser, String label, LocalDate date) {
        String id = browser.labelled(label).getAttribute("id");
        browser.script("document.getElementById('" + id + "').value = '" + date + "';");
    }
}
