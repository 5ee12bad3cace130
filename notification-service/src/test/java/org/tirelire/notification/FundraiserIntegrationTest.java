package org.tirelire.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignEvent;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.money.Money;
import org.tirelire.testing.KafkaTestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Collection pages on a real Kafka broker and MongoDB-wire server, driven over HTTP and Kafka. */
// Closed after its class, while the test Kafka broker still runs: at JVM exit its consumers could not leave.
class FundraiserIntegrationTest extends NotificationServiceTest {

    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @AfterAll
    static void closeKafka() throws InterruptedException {
        kafka.close();
    }

    @LocalServerPort
    int port;

    private RestClient http;
    private String campaignId;
    private final String organisation = "org-" + UUID.randomUUID();

    @BeforeEach
    void aLiveCampaign() {
        http = TestHttp.client(port);
        campaignId = "camp-" + UUID.randomUUID();
        send(
                campaignId,
                new CampaignPublished(
                        campaignId,
                        organisation,
                        "peniche-" + campaignId,
                        "Péniche",
                        Money.of(1000_00, "EUR"),
                        "KEEP_IT_ALL",
                        Instant.now().plus(Duration.ofDays(20)),
                        List.of(),
                        Instant.now(),
                        "organiser@example.org",
                        "Les Amis du Canal"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> open("Léa Martin", "Je cours pour la péniche", null)
                                .getStatusCode()
                                .value()
                        == 201);
    }

    @Test
    void a_supporter_opens_a_page_with_a_share_link_a_share_kit_and_a_qr_code() throws Exception {
        ResponseEntity<JsonNode> created = open("Léa Martin", "Léa court le semi-marathon", "Les Rameurs");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode page = created.getBody();
        String slug = page.get("slug").asString();
        assertThat(slug).startsWith("lea-martin-lea-court-le-semi-marathon");
        assertThat(created.getBody().get("editToken").asString()).hasSizeGreaterThan(30);
        assertThat(page.get("shareUrl").asString()).isEqualTo("https://dons.example.org/fundraisers/" + slug);
        assertThat(page.toString()).doesNotContain("lea@example.org");
        assertThat(get("/api/fundraisers/" + slug).getBody().has("editToken"))
                .as("the edit token is shown only to the supporter who opened the page")
                .isFalse();
        String whatsapp = page.get("shareKit")
                .get("texts")
                .get("fr")
                .get("whatsapp")
                .get("link")
                .asString();
        assertThat(whatsapp)
                .startsWith("https://wa.me/?text=L%C3%A9a%20Martin%20collecte")
                .contains("https%3A%2F%2Fdons.example.org%2Ffundraisers%2F" + slug)
                .doesNotContain(" ");
        assertThat(page.get("shareKit")
                        .get("texts")
                        .get("en")
                        .get("x")
                        .get("link")
                        .asString())
                .startsWith("https://twitter.com/intent/tweet?text=");

        byte[] png = http.get()
                .uri("/api/fundraisers/" + slug + "/qr.png")
                .retrieve()
                .body(byte[].class);
        String decoded = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))))
                .getText();
        assertThat(decoded).isEqualTo("https://dons.example.org/fundraisers/" + slug);
        assertThat(http.get()
                        .uri("/api/fundraisers/" + slug + "/qr.svg")
                        .retrieve()
                        .body(String.class))
                .startsWith("<svg");
    }

    @Test
    void gifts_through_a_page_count_toward_it_exactly_and_rank_it_on_the_leaderboard() {
        String lea = open("Léa", "Semi-marathon", "Les Rameurs")
                .getBody()
                .get("slug")
                .asString();
        String tom = open("Tom", "Trail", "Les Rameurs").getBody().get("slug").asString();
        String zoe = open("Zoé", "Natation", null).getBody().get("slug").asString();

        confirm("d1-" + lea, lea, 30_00);
        confirm("d1-" + lea, lea, 30_00); // the same event twice
        confirm("d2-" + lea, lea, 20_00);
        refund("d2-" + lea, lea, 20_00);
        refund("d3-" + tom, tom, 45_00); // the refund overtook its confirmation
        confirm("d3-" + tom, tom, 45_00);
        confirm("d4-" + tom, tom, 45_00);
        confirm("d5-" + zoe, zoe, 50_00);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(raised(lea)).isEqualTo(30_00);
            assertThat(raised(tom)).isEqualTo(45_00);
            assertThat(raised(zoe)).isEqualTo(50_00);
        });
        JsonNode leaderboard =
                get("/api/campaigns/" + campaignId + "/fundraisers").getBody();
        assertThat(leaderboard.findValuesAsString("slug")).startsWith(zoe, tom, lea);
        JsonNode teams = get("/api/campaigns/" + campaignId + "/teams").getBody();
        assertThat(teams.get(0).get("team").asString()).isEqualTo("Les Rameurs");
        assertThat(teams.get(0).get("raised").get("amount").asLong()).isEqualTo(75_00);
    }

    @Test
    void only_the_supporter_edits_and_only_the_campaigns_organiser_hides() {
        ResponseEntity<JsonNode> created = open("Léa", "Semi-marathon", null);
        String slug = created.getBody().get("slug").asString();
        String editToken = created.getBody().get("editToken").asString();

        ResponseEntity<JsonNode> forged = edit(slug, "not-the-token", Map.of("title", "Pirate"));
        ResponseEntity<JsonNode> edited = edit(slug, editToken, Map.of("title", "Semi-marathon de Paris"));
        ResponseEntity<Void> hiddenByStranger = hide(slug, "org-stranger");

        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(edited.getBody().get("title").asString()).isEqualTo("Semi-marathon de Paris");
        assertThat(hiddenByStranger.getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/fundraisers/" + slug).getStatusCode().value()).isEqualTo(200);

        assertThat(hide(slug, organisation).getStatusCode().value()).isEqualTo(204);
        assertThat(get("/api/fundraisers/" + slug).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/campaigns/" + campaignId + "/fundraisers")
                        .getBody()
                        .findValuesAsString("slug"))
                .doesNotContain(slug);
    }

    @Test
    void the_live_feed_shows_each_gift_as_the_public_may_see_it() throws Exception {
        java.net.http.HttpResponse<java.io.InputStream> stream = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + port + "/api/campaigns/" + campaignId + "/live"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        java.util.concurrent.CompletableFuture<String> firstGift =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try (var lines = new java.io.BufferedReader(
                            new java.io.InputStreamReader(stream.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.startsWith("data:")) {
                                return line.substring("data:".length());
                            }
                        }
                        return "";
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

        send(
                campaignId,
                new DonationConfirmed(
                        "live-" + UUID.randomUUID(),
                        campaignId,
                        Money.of(25_00, "EUR"),
                        null,
                        null,
                        new DonationConfirmed.Donor("Ada", "Lovelace", "ada@example.org", "fr"),
                        false,
                        "<b>Bravo</b>",
                        false,
                        null,
                        Instant.now()));

        JsonNode gift = new tools.jackson.databind.json.JsonMapper()
                .readTree(firstGift.get(15, java.util.concurrent.TimeUnit.SECONDS));
        assertThat(gift.get("displayName").asString()).isEqualTo("Ada L.");
        assertThat(gift.get("amount").get("amount").asLong()).isEqualTo(25_00);
        assertThat(gift.get("message").asString()).isEqualTo("<b>Bravo</b>");
        assertThat(gift.toString()).doesNotContain("ada@example.org");
    }

    @Test
    void pages_open_only_under_a_live_campaign_and_with_valid_fields() {
        ResponseEntity<JsonNode> invalid = http.post()
                .uri("/api/campaigns/" + campaignId + "/fundraisers")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("supporter", Map.of("name", "", "email", "nope"), "title", ""))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("errors").findValuesAsString("field"))
                .contains("supporter.name", "supporter.email", "title");

        assertThat(http.post()
                        .uri("/api/campaigns/no-such-campaign/fundraisers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body("Léa", "x", null))
                        .retrieve()
                        .toEntity(JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        send(
                campaignId,
                new CampaignClosed(
                        campaignId, organisation, Money.zero("EUR"), 0, Instant.now(), CampaignClosed.SUCCEEDED));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> open("Léa", "Trop tard", null).getStatusCode().value() == 409);
    }

    private long raised(String slug) {
        return get("/api/fundraisers/" + slug)
                .getBody()
                .get("raised")
                .get("amount")
                .asLong();
    }

    private void confirm(String donationId, String slug, long amount) {
        send(
                campaignId,
                new DonationConfirmed(
                        donationId,
                        campaignId,
                        Money.of(amount, "EUR"),
                        slug,
                        null,
                        new DonationConfirmed.Donor("Ada", "Lovelace", "ada@example.org", "fr"),
                        false,
                        null,
                        false,
                        null,
                        Instant.now()));
    }

    private void refund(String donationId, String slug, long amount) {
        send(campaignId, new DonationRefunded(donationId, campaignId, Money.of(amount, "EUR"), slug, Instant.now()));
    }

    private static void send(String campaignId, TirelireEvent event) {
        String topic = event instanceof CampaignEvent ? Topics.CAMPAIGN_EVENTS : Topics.DONATION_EVENTS;
        kafka.send(topic, campaignId, codec.encode(codec.wrap(event, "/test", campaignId, Instant.now(), null)));
    }

    private ResponseEntity<JsonNode> open(String name, String title, String team) {
        return http.post()
                .uri("/api/campaigns/" + campaignId + "/fundraisers")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(name, title, team))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private static Map<String, Object> body(String name, String title, String team) {
        Map<String, Object> body = new HashMap<>();
        body.put("supporter", Map.of("name", name, "email", "lea@example.org"));
        body.put("title", title);
        body.put("goal", Map.of("amount", 500_00, "currency", "EUR"));
        if (team != null) {
            body.put("team", team);
        }
        return body;
    }

    private ResponseEntity<JsonNode> edit(String slug, String token, Object body) {
        return http.patch()
                .uri("/api/fundraisers/" + slug)
                .header("Fundraiser-Edit-Token", token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<Void> hide(String slug, String organisationId) {
        return http.post()
                .uri("/api/fundraisers/" + slug + "/hide")
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisationId))
                .retrieve()
                .toBodilessEntity();
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }
}
