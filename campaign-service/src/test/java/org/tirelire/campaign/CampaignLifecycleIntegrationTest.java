package org.tirelire.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.tirelire.campaign.campaign.DeadlineCloser;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.money.Money;
import org.tirelire.testing.KafkaTestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** A campaign's life after publication: its deadline (on a clock the test moves), changes, outcomes. */
class CampaignLifecycleIntegrationTest extends CampaignServiceTest {

    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @AfterAll
    static void closeKafka() throws InterruptedException {
        kafka.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DeadlineCloser deadlineCloser;

    private RestClient http;
    private final String organisation = "org-" + UUID.randomUUID();

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
    }

    @AfterEach
    void backToTheRealTime() {
        clock.reset();
    }

    @Test
    void a_campaign_ends_at_its_deadline_exactly_once_even_when_two_closers_run_together() {
        List<ConsumerRecord<String, byte[]>> events = kafka.tail(Topics.CAMPAIGN_EVENTS);
        String id = liveCampaign("KEEP_IT_ALL", Duration.ofHours(1));

        clock.advance(Duration.ofHours(2));
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(deadlineCloser::closeCampaignsPastTheirDeadline);
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(deadlineCloser::closeCampaignsPastTheirDeadline);
        deadlineCloser.closeCampaignsPastTheirDeadline();
        first.join();
        second.join();

        JsonNode campaign = get("/api/campaigns/" + id).getBody();
        assertThat(campaign.get("status").asString()).isEqualTo("ENDED");
        assertThat(campaign.get("outcome").asString()).isEqualTo("SUCCEEDED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(closedEvents(events, id)).hasSize(1));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(closedEvents(events, id)).hasSize(1));
    }

    @Test
    void an_all_or_nothing_campaign_below_its_goal_fails_and_shows_it_once_every_gift_is_refunded() {
        List<ConsumerRecord<String, byte[]>> events = kafka.tail(Topics.CAMPAIGN_EVENTS);
        String id = liveCampaign("ALL_OR_NOTHING", Duration.ofDays(30));
        sendConfirmed(id, "gift-" + id, 30_00);
        await().atMost(Duration.ofSeconds(10)).until(() -> raised(id) == 30_00);

        JsonNode closed = post("/api/campaigns/" + id + "/close", Map.of()).getBody();

        assertThat(closed.get("outcome").asString()).isEqualTo("REFUNDING");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(closedEvents(events, id))
                        .singleElement()
                        .satisfies(event -> assertThat(event.outcome()).isEqualTo(CampaignClosed.FAILED)));

        kafka.send(
                Topics.DONATION_EVENTS,
                id,
                codec.encode(codec.wrap(
                        new DonationRefunded("gift-" + id, id, Money.of(30_00, "EUR"), null, Instant.now()),
                        "/donation-service",
                        "gift-" + id,
                        Instant.now(),
                        null)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "FAILED"
                        .equals(get("/api/campaigns/" + id)
                                .getBody()
                                .get("outcome")
                                .asString()));
    }

    @Test
    void a_live_campaign_keeps_its_currency_and_a_goal_above_what_is_raised() {
        String id = liveCampaign("KEEP_IT_ALL", Duration.ofDays(30));
        sendConfirmed(id, "gift-" + id, 60_00);
        await().atMost(Duration.ofSeconds(10)).until(() -> raised(id) == 60_00);

        ResponseEntity<JsonNode> tooLow = patch(id, Map.of("goal", Map.of("amount", 50_00, "currency", "EUR")));
        ResponseEntity<JsonNode> otherCurrency = patch(id, Map.of("goal", Map.of("amount", 500_00, "currency", "CHF")));
        ResponseEntity<JsonNode> raisedGoal =
                patch(id, Map.of("goal", Map.of("amount", 500_00, "currency", "EUR"), "title", "Nouvelle ambition"));

        assertThat(tooLow.getStatusCode().value()).isEqualTo(422);
        assertThat(tooLow.getBody().get("errors").findValuesAsString("field")).containsExactly("goal.amount");
        assertThat(otherCurrency.getStatusCode().value()).isEqualTo(422);
        assertThat(raisedGoal.getStatusCode().value()).isEqualTo(200);
        assertThat(raisedGoal.getBody().get("title").asString()).isEqualTo("Nouvelle ambition");
        assertThat(raisedGoal.getBody().get("progress").get("percent").asInt()).isEqualTo(12);
    }

    @Test
    void an_organiser_adds_a_reward_and_a_stretch_goal_to_a_live_campaign_and_donation_service_hears_of_it() {
        List<ConsumerRecord<String, byte[]>> events = kafka.tail(Topics.CAMPAIGN_EVENTS);
        String id = liveCampaign("KEEP_IT_ALL", Duration.ofDays(30));
        Map<String, Object> tote =
                Map.of("title", "Tote bag", "minAmount", Map.of("amount", 15_00, "currency", "EUR"), "limit", 50);

        ResponseEntity<JsonNode> revised = patch(
                id,
                Map.of(
                        "rewards",
                        List.of(tote),
                        "stretchGoals",
                        List.of(Map.of("amount", Map.of("amount", 150_00, "currency", "EUR"), "label", "Voile"))));
        String toteId = revised.getBody().get("rewards").get(0).get("id").asString();
        ResponseEntity<JsonNode> removal = patch(id, Map.of("rewards", List.of()));

        assertThat(revised.getStatusCode().value()).isEqualTo(200);
        assertThat(revised.getBody().get("stretchGoals").get(0).get("label").asString())
                .isEqualTo("Voile");
        assertThat(removal.getStatusCode().value()).isEqualTo(422);
        assertThat(removal.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(removal.getBody().get("errors").findValuesAsString("field")).containsExactly("rewards");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.stream()
                                .filter(r -> r.key().equals(id))
                                .map(r -> codec.data(codec.decode(r.value())))
                                .filter(CampaignUpdated.class::isInstance)
                                .map(CampaignUpdated.class::cast)
                                .toList())
                        .singleElement()
                        .satisfies(update -> assertThat(update.rewards())
                                .singleElement()
                                .satisfies(reward -> {
                                    assertThat(reward.rewardId()).isEqualTo(toteId);
                                    assertThat(reward.limit()).isEqualTo(50);
                                })));
    }

    @Test
    void an_ended_campaign_is_read_only_and_a_cancelled_one_has_its_gifts_refunded() {
        List<ConsumerRecord<String, byte[]>> events = kafka.tail(Topics.CAMPAIGN_EVENTS);
        String ended = liveCampaign("KEEP_IT_ALL", Duration.ofDays(30));
        post("/api/campaigns/" + ended + "/close", Map.of());
        String cancelled = liveCampaign("KEEP_IT_ALL", Duration.ofDays(30));

        ResponseEntity<JsonNode> change = patch(ended, Map.of("title", "Trop tard"));
        ResponseEntity<JsonNode> cancel = post("/api/campaigns/" + cancelled + "/cancel", Map.of());

        assertThat(change.getStatusCode().value()).isEqualTo(409);
        assertThat(cancel.getBody().get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(closedEvents(events, cancelled))
                        .singleElement()
                        .satisfies(event -> assertThat(event.requiresRefunds()).isTrue()));
    }

    private static List<CampaignClosed> closedEvents(List<ConsumerRecord<String, byte[]>> records, String campaignId) {
        return records.stream()
                .filter(r -> r.key().equals(campaignId))
                .map(r -> codec.data(codec.decode(r.value())))
                .filter(CampaignClosed.class::isInstance)
                .map(CampaignClosed.class::cast)
                .toList();
    }

    private String liveCampaign(String fundingModel, Duration until) {
        ResponseEntity<JsonNode> created = post(
                "/api/campaigns",
                Map.of(
                        "title",
                        "Péniche",
                        "summary",
                        "Une péniche-école",
                        "goal",
                        Map.of("amount", 100_00, "currency", "EUR"),
                        "endsAt",
                        clock.instant().plus(until).toString(),
                        "fundingModel",
                        fundingModel));
        String id = created.getBody().get("id").asString();
        assertThat(post("/api/campaigns/" + id + "/publish", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        return id;
    }

    private long raised(String id) {
        return get("/api/campaigns/" + id + "/progress")
                .getBody()
                .get("raised")
                .get("amount")
                .asLong();
    }

    private static void sendConfirmed(String campaignId, String donationId, long amount) {
        DonationConfirmed confirmed = new DonationConfirmed(
                donationId,
                campaignId,
                Money.of(amount, "EUR"),
                null,
                null,
                null,
                false,
                null,
                false,
                "CASH",
                Instant.now());
        kafka.send(
                Topics.DONATION_EVENTS,
                campaignId,
                codec.encode(codec.wrap(confirmed, "/donation-service", donationId, Instant.now(), null)));
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return http.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> patch(String id, Object body) {
        return http.method(HttpMethod.PATCH)
                .uri("/api/campaigns/" + id)
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }
}
