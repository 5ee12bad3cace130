package org.tirelire.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.contracts.events.Topics;
import org.tirelire.testing.KafkaTestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Campaign news ("actualités"): posted by the organiser, announced on Kafka for notification-service. */
class NewsIntegrationTest extends CampaignServiceTest {

    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @AfterAll
    static void closeKafka() throws InterruptedException {
        kafka.close();
    }

    @LocalServerPort
    int port;

    private RestClient http;
    private final String organisation = "org-" + UUID.randomUUID();

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
    }

    @Test
    void the_organiser_posts_news_that_anyone_reads_and_that_is_announced_once() {
        List<ConsumerRecord<String, byte[]>> events = kafka.tail(Topics.CAMPAIGN_EVENTS);
        String id = campaign(true);

        ResponseEntity<JsonNode> posted = post(
                "/api/campaigns/" + id + "/news",
                organisation,
                Map.of("title", "Les bacs sont arrivés", "body", "Rendez-vous samedi pour planter."));

        assertThat(posted.getStatusCode().value()).isEqualTo(201);
        assertThat(http.get()
                        .uri("/api/campaigns/" + id + "/news")
                        .retrieve()
                        .body(JsonNode.class)
                        .findValuesAsString("title"))
                .containsExactly("Les bacs sont arrivés");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.stream()
                                .filter(r -> r.key().equals(id))
                                .map(r -> codec.data(codec.decode(r.value())))
                                .filter(NewsPublished.class::isInstance)
                                .toList())
                        .singleElement()
                        .satisfies(news ->
                                assertThat(((NewsPublished) news).title()).isEqualTo("Les bacs sont arrivés")));
    }

    @Test
    void only_the_organiser_of_a_published_campaign_posts_news() {
        String live = campaign(true);
        String draft = campaign(false);
        Map<String, String> news = Map.of("title", "Titre", "body", "Texte");

        assertThat(post("/api/campaigns/" + live + "/news", "org-stranger", news)
                        .getStatusCode()
                        .value())
                .isIn(403, 404);
        assertThat(post("/api/campaigns/" + draft + "/news", organisation, news)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(post("/api/campaigns/" + live + "/news", organisation, Map.of("title", "", "body", "x"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    private String campaign(boolean publish) {
        String id = post(
                        "/api/campaigns",
                        organisation,
                        Map.of(
                                "title",
                                "Jardin",
                                "summary",
                                "Un jardin partagé",
                                "goal",
                                Map.of("amount", 100_00, "currency", "EUR"),
                                "endsAt",
                                Instant.now().plus(Duration.ofDays(10)).toString()))
                .getBody()
                .get("id")
                .asString();
        if (publish) {
            post("/api/campaigns/" + id + "/publish", organisation, Map.of());
        }
        return id;
    }

    private ResponseEntity<JsonNode> post(String path, String organisationId, Object body) {
        return http.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisationId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }
}
