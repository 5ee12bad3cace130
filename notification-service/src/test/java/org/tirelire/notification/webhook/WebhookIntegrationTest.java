package org.tirelire.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.webhooks.WebhookSignature;
import org.tirelire.notification.NotificationServiceTest;
import org.tirelire.testing.KafkaTestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Organisations' webhooks on a real Kafka broker and MongoDB-wire server, delivered to a real HTTP
 * receiver that checks each delivery's signature as an organisation's server would.
 */
// Closed after its class, while the test Kafka broker still runs: at JVM exit its consumers could not leave.
class WebhookIntegrationTest extends NotificationServiceTest {

    private static final String CONFIRMED = "org.tirelire.donation.confirmed.v1";
    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private static final Receiver receiver = Receiver.start();

    @AfterAll
    static void stop() throws InterruptedException {
        kafka.close();
        receiver.server.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventsAwaitingCampaign awaitingCampaign;

    private RestClient http;
    private final String organisation = "org-" + UUID.randomUUID();
    private String campaignId;

    @BeforeEach
    void aPublishedCampaign() {
        http = TestHttp.client(port);
        receiver.failNext(0);
        campaignId = publishCampaign(organisation);
    }

    @Test
    void each_confirmed_gift_reaches_the_receiver_once_signed_with_the_webhook_secret() {
        String path = "/dons-" + UUID.randomUUID();
        JsonNode webhook =
                register(organisation, receiver.url(path), List.of(CONFIRMED)).getBody();
        String secret = webhook.get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        CloudEvent gift = giftEvent(campaignId, 30_00);
        send(campaignId, gift);
        send(campaignId, gift); // Kafka redelivers: the receiver still hears of the gift once

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.to(path).size() >= 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.to(path).size() == 1);
        Receiver.Request request = receiver.to(path).get(0);
        new WebhookSignature(secret).verify(request.body(), request.signature(), Instant.now());
        JsonNode delivered = codec.decode(request.body()).data();
        assertThat(codec.decode(request.body()).type()).isEqualTo(CONFIRMED);
        assertThat(request.eventId()).isEqualTo(gift.id());
        assertThat(delivered.get("amount").get("amount").asLong()).isEqualTo(30_00);

        JsonNode log = deliveries(organisation, webhook.get("id").asString());
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(log.get(0).get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(http.get()
                        .uri("/api/webhooks")
                        .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                        .retrieve()
                        .body(JsonNode.class)
                        .get(0)
                        .has("secret"))
                .as("the secret is shown once, when the webhook is registered")
                .isFalse();
    }

    @Test
    void a_receiver_that_fails_gets_the_event_again_later_and_the_log_shows_each_attempt() {
        receiver.failNext(1);
        String path = "/flaky-" + UUID.randomUUID();
        JsonNode webhook =
                register(organisation, receiver.url(path), List.of(CONFIRMED)).getBody();
        send(campaignId, giftEvent(campaignId, 12_00));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(deliveries(organisation, webhook.get("id").asString())).hasSize(1);
            JsonNode first =
                    deliveries(organisation, webhook.get("id").asString()).get(0);
            assertThat(first.get("status").asString()).isEqualTo("PENDING");
            assertThat(first.get("attempts").asInt()).isEqualTo(1);
            assertThat(first.get("lastStatusCode").asInt()).isEqualTo(500);
            assertThat(first.get("lastError").asString()).contains("500");
        });
        // The second attempt waits the first retry delay (10 s), then succeeds.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode retried =
                    deliveries(organisation, webhook.get("id").asString()).get(0);
            assertThat(retried.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(retried.get("attempts").asInt()).isEqualTo(2);
        });
        assertThat(receiver.to(path)).hasSize(2);
    }

    @Test
    void a_gift_heard_before_its_campaigns_publication_waits_for_it_and_is_delivered() {
        String path = "/early-" + UUID.randomUUID();
        register(organisation, receiver.url(path), List.of(CONFIRMED));
        String campaignNotYetHeardOf = "camp-" + UUID.randomUUID();
        CloudEvent gift = giftEvent(campaignNotYetHeardOf, 15_00);
        send(campaignNotYetHeardOf, gift);

        await().atMost(Duration.ofSeconds(20)).until(() -> awaitingCampaign.existsById(gift.id()));
        assertThat(receiver.to(path)).isEmpty();

        publishCampaign(campaignNotYetHeardOf, organisation);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.to(path).size() == 1);
        assertThat(receiver.to(path).get(0).eventId()).isEqualTo(gift.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> !awaitingCampaign.existsById(gift.id()));
    }

    @Test
    void an_organisation_hears_only_of_its_own_campaigns_and_reaches_only_its_own_webhooks() {
        String other = "org-" + UUID.randomUUID();
        String theirPath = "/other-" + UUID.randomUUID();
        String ourPath = "/ours-" + UUID.randomUUID();
        JsonNode theirs =
                register(other, receiver.url(theirPath), List.of(CONFIRMED)).getBody();
        register(organisation, receiver.url(ourPath), List.of(CONFIRMED));

        send(campaignId, giftEvent(campaignId, 5_00));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.to(ourPath).size() == 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.to(theirPath).isEmpty());

        String id = theirs.get("id").asString();
        assertThat(status(http.get().uri("/api/webhooks/" + id + "/deliveries"), organisation))
                .isEqualTo(404);
        assertThat(status(http.delete().uri("/api/webhooks/" + id), organisation))
                .isEqualTo(404);
        assertThat(status(http.post().uri("/api/webhooks/" + id + "/ping"), organisation))
                .isEqualTo(404);
        assertThat(status(http.get().uri("/api/webhooks"), null)).isEqualTo(401);
    }

    @Test
    void a_test_event_checks_the_receiver_and_a_deleted_webhook_gets_nothing_more() {
        String path = "/ping-" + UUID.randomUUID();
        JsonNode webhook =
                register(organisation, receiver.url(path), List.of(CONFIRMED)).getBody();
        String id = webhook.get("id").asString();

        assertThat(status(http.post().uri("/api/webhooks/" + id + "/ping"), organisation))
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.to(path).size() == 1);
        assertThat(codec.decode(receiver.to(path).get(0).body()).type()).isEqualTo("org.tirelire.webhook.ping.v1");

        assertThat(status(http.delete().uri("/api/webhooks/" + id), organisation))
                .isEqualTo(204);
        send(campaignId, giftEvent(campaignId, 8_00));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.to(path).size() == 1);
    }

    @Test
    void unknown_event_types_and_bad_urls_are_refused_with_the_field_named() {
        ResponseEntity<JsonNode> unknownType =
                register(organisation, receiver.url("/x"), List.of("org.tirelire.everything"));
        assertThat(unknownType.getStatusCode().value()).isEqualTo(422);
        assertThat(unknownType.getBody().get("errors").get(0).get("field").asString())
                .isEqualTo("eventTypes");

        ResponseEntity<JsonNode> badUrl = register(organisation, "ftp://example.org/x", List.of(CONFIRMED));
        assertThat(badUrl.getStatusCode().value()).isEqualTo(422);
        assertThat(badUrl.getBody().get("errors").get(0).get("field").asString())
                .isEqualTo("url");
    }

    private ResponseEntity<JsonNode> register(String organisationId, String url, List<String> eventTypes) {
        return http.post()
                .uri("/api/webhooks")
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisationId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", url, "eventTypes", eventTypes))
                .retrieve()
                .onStatus(status -> true, (request, response) -> {})
                .toEntity(JsonNode.class);
    }

    private JsonNode deliveries(String organisationId, String webhookId) {
        return http.get()
                .uri("/api/webhooks/" + webhookId + "/deliveries")
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisationId))
                .retrieve()
                .body(JsonNode.class);
    }

    private static int status(RestClient.RequestHeadersSpec<?> request, String organisationId) {
        if (organisationId != null) {
            request.header("Authorization", "Bearer " + TestTokens.forOrganisation(organisationId));
        }
        return request.retrieve()
                .onStatus(status -> true, (req, response) -> {})
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static String publishCampaign(String organisationId) {
        return publishCampaign("camp-" + UUID.randomUUID(), organisationId);
    }

    private static String publishCampaign(String id, String organisationId) {
        send(
                id,
                codec.wrap(
                        new CampaignPublished(
                                id,
                                organisationId,
                                "campagne-" + id,
                                "Campagne",
                                Money.of(1_000_00, "EUR"),
                                "KEEP_IT_ALL",
                                Instant.now().plus(Duration.ofDays(20)),
                                List.of(),
                                Instant.now(),
                                null,
                                null),
                        "/campaign-service",
                        id,
                        Instant.now(),
                        null),
                Topics.CAMPAIGN_EVENTS);
        return id;
    }

    private static CloudEvent giftEvent(String campaignId, long amount) {
        String donationId = UUID.randomUUID().toString();
        return codec.wrap(
                new DonationConfirmed(
                        donationId,
                        campaignId,
                        Money.of(amount, "EUR"),
                        null,
                        null,
                        new DonationConfirmed.Donor("Ada", "Lovelace", "ada@example.org", "fr"),
                        false,
                        null,
                        false,
                        null,
                        Instant.now()),
                "/donation-service",
                donationId,
                Instant.now(),
                null);
    }

    private static void send(String campaignId, CloudEvent event) {
        send(campaignId, event, Topics.DONATION_EVENTS);
    }

    private static void send(String campaignId, CloudEvent event, String topic) {
        kafka.send(topic, campaignId, codec.encode(event));
    }

    /** An organisation's server: answers 204, or 500 for the next {@code failNext} requests. */
    private static final class Receiver {

        record Request(String path, byte[] body, String signature, String eventId) {}

        final HttpServer server;
        final Queue<Request> received = new ConcurrentLinkedQueue<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        private Receiver(HttpServer server) {
            // one instance for every test of the class
            this.server = server;
        }

        static Receiver start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                Receiver receiver = new Receiver(server);
                server.createContext("/", exchange -> {
                    receiver.received.add(new Request(
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestBody().readAllBytes(),
                            exchange.getRequestHeaders().getFirst("Tirelire-Signature"),
                            exchange.getRequestHeaders().getFirst("Tirelire-Event-Id")));
                    int status = receiver.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                server.start();
                return receiver;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** What reached {@code path}: each test has paths of its own, so a late retry of another test's never counts. */
        List<Request> to(String path) {
            return received.stream()
                    .filter(request -> request.path().equals(path))
                    .toList();
        }

        void failNext(int count) {
            failuresLeft.set(count);
        }
    }
}
