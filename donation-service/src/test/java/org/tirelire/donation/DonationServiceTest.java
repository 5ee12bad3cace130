package org.tirelire.donation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.campaign.CampaignSnapshots;
import org.tirelire.testing.KafkaTestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestInfrastructure;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * donation-service on a real Kafka broker and MongoDB-wire server, one Spring context for every test class
 * that extends this. Stripe's and HelloAsso's APIs are played by WireMock, answering as their documentation
 * says; the other services are played on Kafka, as they publish.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tirelire.messaging.outbox-poll-interval=100ms",
            "tirelire.donations.publication-grace=500ms",
            "tirelire.payments.sandbox.confirm-delay=50ms",
            // A payment on a provider's page is reconciled after seconds rather than minutes.
            "tirelire.payments.reconcile-after=2s",
            "tirelire.payments.reconcile-every=500ms",
            // A gift whose provider never answered is given up after seconds rather than an hour.
            "tirelire.payments.abandon-unstarted-after=4s",
            // The test clock, moved by the recurring gifts' tests and put back after each of them.
            "tirelire.test-clock.enabled=true",
            // The tests move this context's clock themselves, in-process, and put it back after each test.
            "tirelire.test-clock.follow-every=1h",
            "tirelire.admin.token=test-admin-token",
            "tirelire.subscriptions.link-validity=400d"
        })
abstract class DonationServiceTest {

    static final WireMockServer stripe = startedWireMock();
    static final WireMockServer helloAsso = startedWireMock();
    static final String CREDENTIALS_KEY = randomKey();

    static final EventCodec codec = new EventCodec();
    /** Lives as long as the shared Spring context, to the end of the test run. */
    static final KafkaTestClient kafka = new KafkaTestClient();

    static final List<ConsumerRecord<String, byte[]>> donationEvents = kafka.tail(Topics.DONATION_EVENTS);
    static final List<ConsumerRecord<String, byte[]>> auditEvents = kafka.tail(Topics.AUDIT_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "donation-service-it");
        TestTokens.register(registry);
        registry.add("tirelire.payments.stripe.api-base", stripe::baseUrl);
        registry.add("tirelire.payments.helloasso.api-base", helloAsso::baseUrl);
        registry.add("tirelire.payments.credentials-key", () -> CREDENTIALS_KEY);
    }

    @LocalServerPort
    int port;

    @Autowired
    CampaignSnapshots snapshots;

    RestClient http;

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
    }

    /** campaign-service publishes a campaign of {@code organisationId}; this service knows it a moment later. */
    void publishCampaign(String campaignId, String organisationId, CampaignPublished.RewardOffered reward) {
        sendCampaignPublished(campaignId, organisationId, reward);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.existsById(campaignId));
    }

    /** campaign-service publishes a campaign of {@code organisationId}: its event is on Kafka. */
    void sendCampaignPublished(String campaignId, String organisationId, CampaignPublished.RewardOffered reward) {
        CampaignPublished published = new CampaignPublished(
                campaignId,
                organisationId,
                "slug-" + campaignId,
                "Péniche",
                Money.of(1000_00, "EUR"),
                "KEEP_IT_ALL",
                Instant.now().plus(Duration.ofDays(30)),
                List.of(reward),
                Instant.now(),
                "organiser@example.org",
                "Les Amis du Canal");
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(published, "/campaign-service", campaignId, Instant.now(), null)));
    }

    /** campaign-service closes a campaign that reached its end; this service knows it a moment later. */
    void closeCampaign(String campaignId, String organisationId) {
        closeCampaign(campaignId, organisationId, CampaignClosed.SUCCEEDED);
    }

    /** campaign-service closes a campaign as {@code outcome}; this service knows it a moment later. */
    void closeCampaign(String campaignId, String organisationId, String outcome) {
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(
                        new CampaignClosed(campaignId, organisationId, Money.zero("EUR"), 0, Instant.now(), outcome),
                        "/campaign-service",
                        campaignId,
                        Instant.now(),
                        null)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !snapshots.findById(campaignId).orElseThrow().live());
    }

    /** The events this service published about {@code subject} (a gift's or an organisation's id). */
    static List<TirelireEvent> eventsAbout(String subject) {
        return donationEvents.stream()
                .map(r -> codec.decode(r.value()))
                .filter(e -> subject.equals(e.subject()))
                .map(codec::data)
                .toList();
    }

    /** What this service reported to the audit log of {@code organisationId}, keyed by the organisation. */
    static List<OrganisationActionTaken> reportedActionsOf(String organisationId) {
        return auditEvents.stream()
                .filter(r -> organisationId.equals(r.key()))
                .map(r -> codec.data(codec.decode(r.value())))
                .map(OrganisationActionTaken.class::cast)
                .toList();
    }

    ResponseEntity<JsonNode> give(String idempotencyKey, Map<String, Object> body) {
        return http.post()
                .uri("/api/donations")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> getAs(String path, String organisationId) {
        return http.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisationId))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String path, String organisationId, Object body) {
        return http.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisationId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private static WireMockServer startedWireMock() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
