package org.tirelire.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.DonationMessageHidden;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.contracts.events.FundraiserPageCreated;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.http.Shed;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** The giving API on the sandbox provider: gifts, their events on Kafka, refunds, exports and erasure. */
class DonationServiceIntegrationTest extends DonationServiceTest {

    private static final String CAMPAIGN_EVENTS_BINDING = "campaignEvents-in-0";

    @Autowired
    DonationRepository donations;

    @Autowired
    BindingsLifecycleController bindings;

    private final String organisation = "org-" + UUID.randomUUID();
    private String campaignId;
    private String rewardId;

    @BeforeEach
    void aLiveCampaign() {
        campaignId = "camp-" + UUID.randomUUID();
        rewardId = "reward-" + UUID.randomUUID();
        publishCampaign(campaignId);
    }

    @Test
    void a_sandbox_gift_is_confirmed_by_its_webhook_and_announced_on_kafka() {
        ResponseEntity<JsonNode> created = give(UUID.randomUUID().toString(), gift(25_00));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("status").asString()).isEqualTo("PENDING");
        String id = created.getBody().get("id").asString();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/api/donations/" + id)
                                .getBody()
                                .get("status")
                                .asString())
                        .isEqualTo("CONFIRMED"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .singleElement()
                        .isInstanceOfSatisfying(DonationConfirmed.class, confirmed -> {
                            assertThat(confirmed.amount()).isEqualTo(Money.of(25_00, "EUR"));
                            assertThat(confirmed.donor().email()).isEqualTo("ada@example.org");
                        }));
        assertThat(donationEvents)
                .filteredOn(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(id))
                .allMatch(r -> r.key().equals(campaignId), "keyed by campaign id");
        assertThat(get("/api/donations/" + id).getBody().toString()).doesNotContain("ada@example.org");
    }

    @Test
    void the_same_key_and_body_return_the_same_donation_and_create_nothing() {
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = give(key, gift(10_00));
        ResponseEntity<JsonNode> again = give(key, gift(10_00));

        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody().get("id").asString())
                .isEqualTo(first.getBody().get("id").asString());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(donationsOfCampaign()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused() {
        String key = UUID.randomUUID().toString();
        give(key, gift(10_00));

        ResponseEntity<JsonNode> other = give(key, gift(99_00));

        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(donationsOfCampaign()).isEqualTo(1);
    }

    @Test
    void concurrent_requests_with_one_key_create_one_donation() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService donors = Executors.newFixedThreadPool(8);
        List<Callable<ResponseEntity<JsonNode>>> attempts =
                java.util.Collections.nCopies(8, () -> give(key, gift(12_00)));

        List<Future<ResponseEntity<JsonNode>>> answers = donors.invokeAll(attempts);
        donors.shutdown();

        List<String> ids = new java.util.ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            assertThat(answer.get().getStatusCode().value()).isEqualTo(201);
            ids.add(answer.get().getBody().get("id").asString());
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(donationsOfCampaign()).isEqualTo(1);
    }

    @Test
    void a_gift_without_an_idempotency_key_is_refused() {
        ResponseEntity<JsonNode> response = http.post()
                .uri("/api/donations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(gift(10_00))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        assertThat(donationsOfCampaign()).isZero();
    }

    @Test
    void a_declined_payment_fails_the_donation_and_counts_for_nothing() {
        Map<String, Object> declined = gift(10_00);
        declined.put("paymentMethod", "pm_sandbox_declined");

        ResponseEntity<JsonNode> response = give(UUID.randomUUID().toString(), declined);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("status").asString()).isEqualTo("FAILED");
        String id = response.getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id)).singleElement().isInstanceOf(DonationFailed.class));
    }

    @Test
    void bad_amounts_and_fields_are_refused_and_nothing_is_recorded() {
        assertRefused(with(gift(0), "amount", Map.of("amount", 0, "currency", "EUR")), 400, "amount.amount");
        assertRefused(with(gift(0), "amount", Map.of("amount", -500, "currency", "EUR")), 400, "amount.amount");
        assertRefused(with(gift(0), "amount", Map.of("amount", 10.5, "currency", "EUR")), 400, null);
        assertRefused(with(gift(0), "amount", Map.of("amount", "1000", "currency", "EUR")), 400, null);
        assertRefused(gift(10_000_001), 422, "amount.amount");
        assertRefused(gift(99), 422, "amount.amount");
        assertRefused(with(gift(0), "amount", Map.of("amount", 1000, "currency", "USD")), 422, "amount.currency");
        assertRefused(with(gift(10_00), "rewardId", "no-such-reward"), 422, "rewardId");
        assertRefused(with(gift(10_00), "rewardId", rewardId), 422, "amount.amount");
        assertRefused(with(gift(10_00), "paymentMethod", "pm_card_visa"), 422, "paymentMethod");
        assertRefused(
                with(gift(10_00), "donor", Map.of("firstName", "A", "lastName", "B", "email", "not-an-email")),
                400,
                "donor.email");
        assertRefused(with(gift(10_00), "message", "x".repeat(501)), 400, "message");
        assertRefused(with(gift(10_00), "isAdmin", true), 400, null);
        assertRefused(with(gift(10_00), "fundraiser", "no-such-page"), 422, "fundraiser");
        assertRefused(with(gift(10_00), "campaignId", "camp-that-does-not-exist"), 409, "campaignId");

        assertThat(donationsOfCampaign()).isZero();
    }

    @Test
    void a_gift_through_a_collection_page_names_it_in_its_event() {
        String slug = "lea-court-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send(
                Topics.FUNDRAISER_EVENTS,
                campaignId,
                codec.encode(codec.wrap(
                        new FundraiserPageCreated(slug, campaignId, "Léa court", "Léa", null, null, Instant.now()),
                        "/notification-service",
                        slug,
                        Instant.now(),
                        null)));

        String id = give(UUID.randomUUID().toString(), with(gift(20_00), "fundraiser", slug))
                .getBody()
                .get("id")
                .asString();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                DonationConfirmed.class,
                                c -> assertThat(c.fundraiserSlug()).isEqualTo(slug)));
    }

    @Test
    void every_gift_of_a_campaign_that_failed_its_all_or_nothing_goal_is_refunded_once() {
        String first = confirmedGift(20_00);
        String second = confirmedGift(30_00);
        byte[] failed = codec.encode(codec.wrap(
                new CampaignClosed(
                        campaignId, organisation, Money.of(50_00, "EUR"), 2, Instant.now(), CampaignClosed.FAILED),
                "/campaign-service",
                campaignId,
                Instant.now(),
                null));

        kafka.send(Topics.CAMPAIGN_EVENTS, campaignId, failed);
        kafka.send(Topics.CAMPAIGN_EVENTS, campaignId, failed); // delivered twice

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(get("/api/donations/" + first).getBody().get("status").asString())
                    .isEqualTo("REFUNDED");
            assertThat(get("/api/donations/" + second).getBody().get("status").asString())
                    .isEqualTo("REFUNDED");
            assertThat(eventsAbout(first))
                    .filteredOn(DonationRefunded.class::isInstance)
                    .hasSize(1);
            assertThat(eventsAbout(second))
                    .filteredOn(DonationRefunded.class::isInstance)
                    .hasSize(1);
        });
    }

    @Test
    void the_last_unit_of_a_reward_goes_to_one_donor_only_and_comes_back_if_the_payment_fails() throws Exception {
        String lastOne = "reward-last-" + UUID.randomUUID();
        String otherCampaign = campaignOfferingOne(lastOne);
        Map<String, Object> wantsIt = with(with(gift(20_00), "campaignId", otherCampaign), "rewardId", lastOne);

        ExecutorService donors = Executors.newFixedThreadPool(2);
        List<Future<ResponseEntity<JsonNode>>> answers = donors.invokeAll(List.of(
                () -> give(UUID.randomUUID().toString(), new HashMap<>(wantsIt)),
                () -> give(UUID.randomUUID().toString(), new HashMap<>(wantsIt))));
        donors.shutdown();

        List<Integer> statuses = new java.util.ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            statuses.add(answer.get().getStatusCode().value());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);

        assertThat(give(UUID.randomUUID().toString(), new HashMap<>(wantsIt))
                        .getStatusCode()
                        .value())
                .as("still sold out while the winner's gift stands")
                .isEqualTo(409);
    }

    @Test
    void a_reward_unit_claimed_by_a_declined_payment_goes_back_to_stock() {
        String single = "reward-single-" + UUID.randomUUID();
        String otherCampaign = campaignOfferingOne(single);
        Map<String, Object> wantsIt = with(with(gift(20_00), "campaignId", otherCampaign), "rewardId", single);

        Map<String, Object> declined = new HashMap<>(wantsIt);
        declined.put("paymentMethod", "pm_sandbox_declined");
        assertThat(give(UUID.randomUUID().toString(), declined)
                        .getBody()
                        .get("status")
                        .asString())
                .isEqualTo("FAILED");

        assertThat(give(UUID.randomUUID().toString(), new HashMap<>(wantsIt))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(give(UUID.randomUUID().toString(), new HashMap<>(wantsIt))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void a_gift_votes_for_an_option_of_the_open_poll_and_its_events_carry_the_vote() {
        String otherCampaign = campaignOfferingOne("reward-" + UUID.randomUUID());
        Map<String, Object> voting = with(with(gift(20_00), "campaignId", otherCampaign), "pollOption", "la-mer");
        assertRefused(new HashMap<>(voting), 422, "pollOption");

        sendUpdated(
                otherCampaign,
                new CampaignUpdated.OpenPoll(
                        "poll-1",
                        "Quelle chanson ?",
                        List.of(
                                new CampaignUpdated.PollOption("la-mer", "La Mer"),
                                new CampaignUpdated.PollOption("syracuse", "Syracuse"))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> snapshots.findById(otherCampaign).orElseThrow().takesVotesFor("la-mer"));
        String id = confirmedGift(new HashMap<>(voting));
        assertThat(post("/api/donations/" + id + "/refund", organisation, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        // campaign-service counts the vote from the gift's event, and takes it back from the refund's.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .filteredOn(event -> event instanceof DonationConfirmed || event instanceof DonationRefunded)
                        .extracting("pollOption")
                        .containsExactly("la-mer", "la-mer"));
        assertRefused(
                with(with(gift(20_00), "campaignId", otherCampaign), "pollOption", "not-an-option"), 422, "pollOption");
    }

    @Test
    void a_reward_limit_changed_on_a_live_campaign_moves_its_stock_once_even_when_the_change_is_redelivered() {
        String bike = "reward-bike-" + UUID.randomUUID();
        String otherCampaign = campaignOfferingOne(bike);
        Map<String, Object> wantsIt = with(with(gift(20_00), "campaignId", otherCampaign), "rewardId", bike);
        assertThat(give(UUID.randomUUID().toString(), new HashMap<>(wantsIt))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        updateReward(otherCampaign, new CampaignPublished.RewardOffered(bike, "Deux vélos", Money.of(15_00, "EUR"), 2));
        updateReward(otherCampaign, new CampaignPublished.RewardOffered(bike, "Deux vélos", Money.of(15_00, "EUR"), 2));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> snapshots
                                .findById(otherCampaign)
                                .orElseThrow()
                                .reward(bike)
                                .orElseThrow()
                                .limit()
                        == 2);

        assertThat(give(UUID.randomUUID().toString(), new HashMap<>(wantsIt))
                        .getStatusCode()
                        .value())
                .as("the second unit the organiser added")
                .isEqualTo(201);
        assertThat(give(UUID.randomUUID().toString(), new HashMap<>(wantsIt))
                        .getStatusCode()
                        .value())
                .as("a redelivered change adds no third unit")
                .isEqualTo(409);
        assertRefused(
                with(with(gift(12_00), "campaignId", otherCampaign), "rewardId", bike),
                422,
                "amount.amount"); // below the reward's new minimum
    }

    @Test
    void the_gifts_and_the_outboxes_are_counted_for_prometheus() {
        String scrape = http.get().uri("/actuator/prometheus").retrieve().body(String.class);
        double confirmedBefore =
                figure(scrape, "tirelire_gifts_total{application=\"donation-service\",outcome=\"confirmed\"}");
        double amountBefore = figure(
                scrape,
                "tirelire_gifts_amount_total{application=\"donation-service\",currency=\"EUR\",outcome=\"confirmed\"}");

        confirmedGift(17_00);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String now = http.get().uri("/actuator/prometheus").retrieve().body(String.class);
            assertThat(figure(now, "tirelire_gifts_total{application=\"donation-service\",outcome=\"confirmed\"}"))
                    .isEqualTo(confirmedBefore + 1);
            assertThat(
                            figure(
                                    now,
                                    "tirelire_gifts_amount_total{application=\"donation-service\",currency=\"EUR\",outcome=\"confirmed\"}"))
                    .isEqualTo(amountBefore + 17_00);
            assertThat(now)
                    .contains("tirelire_gifts_total{application=\"donation-service\",outcome=\"accepted\"}")
                    .contains("tirelire_outbox_backlog{application=\"donation-service\",collection=\"donations\"}")
                    .contains(
                            "tirelire_outbox_oldest_age_seconds{application=\"donation-service\",collection=\"donations\"}");
        });
    }

    /** One sample's value in Prometheus's text format; 0 when the series does not exist yet. */
    private static double figure(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst()
                .orElse(0);
    }

    @Test
    void a_closed_campaign_refuses_gifts() {
        closeCampaign(campaignId, organisation);

        assertRefused(gift(10_00), 409, "campaignId");
        assertThat(donationsOfCampaign()).isZero();
    }

    @Test
    void a_gift_to_a_campaign_that_was_never_published_is_refused() {
        String neverPublished = "camp-" + UUID.randomUUID();

        assertRefused(with(gift(10_00), "campaignId", neverPublished), 409, "campaignId");
    }

    @Test
    void a_gift_to_a_campaign_whose_publication_is_late_is_asked_to_come_again_and_then_taken() {
        String justPublished = "camp-" + UUID.randomUUID();
        Map<String, Object> body = with(gift(20_00), "campaignId", justPublished);
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first;
        // This service's consumer of campaign events stands still, as on a platform just started or very busy.
        bindings.stop(CAMPAIGN_EVENTS_BINDING);
        try {
            sendCampaignPublished(
                    justPublished,
                    organisation,
                    new CampaignPublished.RewardOffered(rewardId, "Visite", Money.of(50_00, "EUR"), 10));
            first = give(key, body);
        } finally {
            bindings.start(CAMPAIGN_EVENTS_BINDING);
        }

        assertThat(first.getStatusCode().value()).isEqualTo(503);
        assertThat(first.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(Shed.RETRY_AFTER_SECONDS);
        assertThat(first.getHeaders().getFirst(Shed.HEADER)).isEqualTo(Shed.VALUE);
        assertThat(first.getBody().get("title").asString()).isEqualTo("This campaign opened a moment ago");
        assertThat(first.getBody().get("detail").asString()).contains("nothing was charged");
        assertThat(donations.findAll().stream().filter(gift -> gift.campaignId().equals(justPublished)))
                .isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> snapshots.existsById(justPublished));
        ResponseEntity<JsonNode> again = give(key, body);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody().get("campaignId").asString()).isEqualTo(justPublished);
    }

    @Test
    void the_organiser_records_an_offline_gift_that_counts_at_once() {
        ResponseEntity<JsonNode> response = post(
                "/api/campaigns/" + campaignId + "/offline-donations",
                organisation,
                Map.of(
                        "amount", Map.of("amount", 50_00, "currency", "EUR"),
                        "method", "CHEQUE",
                        "donor", Map.of("firstName", "Jeanne", "lastName", "Dupont")));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("status").asString()).isEqualTo("CONFIRMED");
        String id = response.getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                DonationConfirmed.class,
                                c -> assertThat(c.offlineMethod()).isEqualTo("CHEQUE")));
    }

    @Test
    void a_sponsor_s_payment_of_their_match_is_recorded_once_and_says_which_match_it_settles() {
        Map<String, Object> payment = Map.of(
                "amount",
                Map.of("amount", 30_00, "currency", "EUR"),
                "method",
                "TRANSFER",
                "donor",
                Map.of("firstName", "La Boulangerie Martin"),
                "sponsorMatch",
                "match-1");

        ResponseEntity<JsonNode> paid =
                post("/api/campaigns/" + campaignId + "/offline-donations", organisation, payment);
        ResponseEntity<JsonNode> again =
                post("/api/campaigns/" + campaignId + "/offline-donations", organisation, payment);

        assertThat(paid.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("errors").findValuesAsString("field")).containsExactly("sponsorMatch");
        String id = paid.getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                DonationConfirmed.class,
                                c -> assertThat(c.sponsorMatch()).isEqualTo("match-1")));
        assertThat(getAs("/api/campaigns/" + campaignId + "/insights", organisation)
                        .getBody()
                        .get("sources")
                        .findValuesAsString("source"))
                .contains("sponsor");
    }

    @Test
    void another_organisation_can_neither_record_nor_list_nor_refund() {
        String id = confirmedGift(20_00);

        assertThat(post(
                                "/api/campaigns/" + campaignId + "/offline-donations",
                                "org-intruder",
                                Map.of("amount", Map.of("amount", 50_00, "currency", "EUR"), "method", "CASH"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(getAs("/api/campaigns/" + campaignId + "/donations", "org-intruder")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post("/api/donations/" + id + "/refund", "org-intruder", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("/api/donations/" + id).getBody().get("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void a_refund_is_announced_once_however_often_it_is_asked_and_the_audit_log_names_who_did_it() {
        String id = confirmedGift(20_00);

        ResponseEntity<JsonNode> first = post("/api/donations/" + id + "/refund", organisation, Map.of());
        ResponseEntity<JsonNode> second = post("/api/donations/" + id + "/refund", organisation, Map.of());

        assertThat(first.getBody().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .filteredOn(DonationRefunded.class::isInstance)
                        .hasSize(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reportedActionsOf(organisation))
                        .filteredOn(taken -> taken.target().contains(id))
                        .singleElement()
                        .satisfies(taken -> {
                            assertThat(taken.action()).isEqualTo(AuditAction.GIFT_REFUNDED);
                            assertThat(taken.actorEmail()).isEqualTo("organiser@" + organisation + ".example.org");
                            assertThat(taken.target()).isEqualTo("gift " + id + " of 20.00 EUR");
                        }));
    }

    @Test
    void the_organiser_sees_the_donor_of_an_anonymous_gift_and_the_public_does_not() {
        Map<String, Object> anonymous = gift(15_00);
        anonymous.put("anonymous", true);
        anonymous.put("message", "<script>alert('x')</script>");
        String id = confirmedGift(anonymous);

        JsonNode supporters =
                get("/api/campaigns/" + campaignId + "/supporters").getBody();
        JsonNode organiserView = getAs("/api/campaigns/" + campaignId + "/donations", organisation)
                .getBody();

        assertThat(supporters.get(0).get("displayName").asString()).isEqualTo("Anonymous");
        assertThat(supporters.get(0).get("message").asString()).isEqualTo("<script>alert('x')</script>");
        assertThat(supporters.toString()).doesNotContain("ada@example.org").doesNotContain("Lovelace");
        assertThat(organiserView.get("content").get(0).get("donor").get("email").asString())
                .isEqualTo("ada@example.org");
    }

    @Test
    void the_organiser_narrows_the_list_by_status_and_dates() {
        String confirmed = confirmedGift(10_00);
        Map<String, Object> declined = gift(20_00);
        declined.put("paymentMethod", "pm_sandbox_declined");
        String failed =
                give(UUID.randomUUID().toString(), declined).getBody().get("id").asString();
        String base = "/api/campaigns/" + campaignId + "/donations";

        assertThat(getAs(base + "?status=FAILED", organisation)
                        .getBody()
                        .get("content")
                        .findValuesAsString("id"))
                .containsExactly(failed);
        assertThat(getAs(base + "?status=CONFIRMED", organisation)
                        .getBody()
                        .get("content")
                        .findValuesAsString("id"))
                .containsExactly(confirmed);
        assertThat(getAs(base + "?from=" + Instant.now().plus(Duration.ofDays(1)), organisation)
                        .getBody()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(getAs(base + "?status=NOT_A_STATUS", organisation)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void the_csv_export_opens_in_french_excel_and_is_narrowed_like_the_list() {
        confirmedGift(12_34);
        Map<String, Object> declined = gift(56_78);
        declined.put("paymentMethod", "pm_sandbox_declined");
        give(UUID.randomUUID().toString(), declined);

        ResponseEntity<byte[]> csv = csv("");
        String confirmedOnly = csvText(csv("?status=CONFIRMED"));

        byte[] body = csv.getBody();
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = csvText(csv);
        assertThat(text).startsWith("Date;Don;Statut;Montant;Devise;Prénom;Nom;Email");
        assertThat(text).contains(";12,34;EUR;Ada;Lovelace;ada@example.org;").contains(";56,78;EUR;");
        assertThat(confirmedOnly).contains(";12,34;EUR;").doesNotContain("56,78");
        // Donors' data left the platform twice: the audit log says who took it, and how much of it.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reportedActionsOf(organisation))
                        .filteredOn(taken -> taken.action() == AuditAction.DONATIONS_EXPORTED)
                        .extracting(OrganisationActionTaken::target)
                        .containsExactlyInAnyOrder(
                                "donations of \"Péniche\" as CSV, 2 row(s)",
                                "donations of \"Péniche\" as CSV, 1 row(s)"));
    }

    @Test
    void a_donors_erasure_keeps_the_amounts_and_forgets_who_gave_everywhere() {
        Map<String, Object> withMessage = gift(40_00);
        withMessage.put("message", "Pour mon grand-père, marinier");
        withMessage.put("newsConsent", true);
        withMessage.put("donor", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "Ada.Erase@Example.org"));
        String id = confirmedGift(withMessage);

        ResponseEntity<JsonNode> byAnotherOrganisation =
                post("/api/donations/erasures", "org-intruder", Map.of("email", "ada.erase@example.org"));
        ResponseEntity<JsonNode> erasure =
                post("/api/donations/erasures", organisation, Map.of("email", "ada.erase@example.org"));
        ResponseEntity<JsonNode> again =
                post("/api/donations/erasures", organisation, Map.of("email", "ada.erase@example.org"));
        ResponseEntity<JsonNode> notAnEmail =
                post("/api/donations/erasures", organisation, Map.of("email", "{\"$ne\": null}"));

        assertThat(byAnotherOrganisation.getBody().get("erasedDonations").asInt())
                .isZero();
        assertThat(erasure.getBody().get("erasedDonations").asInt()).isEqualTo(1);
        assertThat(again.getBody().get("erasedDonations").asInt()).isZero();
        assertThat(notAnEmail.getStatusCode().value()).isEqualTo(400);
        assertThat(notAnEmail.getBody().get("errors").findValuesAsString("field"))
                .containsExactly("email");

        JsonNode organiserView = getAs("/api/campaigns/" + campaignId + "/donations", organisation)
                .getBody()
                .get("content")
                .get(0);
        assertThat(organiserView.get("amount").get("amount").asLong()).isEqualTo(40_00);
        assertThat(organiserView.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(organiserView.get("donor").isNull()).isTrue();
        assertThat(organiserView.get("message").isNull()).isTrue();
        assertThat(organiserView.get("donorErasedAt").isNull()).isFalse();
        assertThat(get("/api/campaigns/" + campaignId + "/supporters").getBody().toString())
                .contains("Anonymous")
                .doesNotContain("Ada")
                .doesNotContain("grand-père");
        assertThat(csvText(csv(""))).contains(";40,00;EUR;").doesNotContainIgnoringCase("ada.erase");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .filteredOn(DonorErased.class::isInstance)
                        .singleElement()
                        .isInstanceOfSatisfying(
                                DonorErased.class,
                                erased -> assertThat(erased.donorEmailSha256())
                                        .isEqualTo(DonorErased.emailSha256("ada.erase@example.org"))));
        // Each erasure asked is in the audit log, with how many gifts it erased and never whose they were.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reportedActionsOf(organisation))
                        .filteredOn(taken -> taken.action() == AuditAction.DONOR_ERASED)
                        .extracting(OrganisationActionTaken::target)
                        .containsExactlyInAnyOrder(
                                "a donor's personal data, on 1 gift(s)", "a donor's personal data, on 0 gift(s)"));
        // Not "ada" ignoring case: the random organisation id in each entry may contain those letters.
        assertThat(reportedActionsOf(organisation).toString())
                .doesNotContain("Ada")
                .doesNotContainIgnoringCase("lovelace")
                .doesNotContainIgnoringCase("ada.erase");
    }

    @Test
    void the_organiser_reads_the_campaign_s_figures_as_json_and_csv_and_no_other_organisation_can() {
        confirmedGift(30_00);
        Map<String, Object> fromTheNewsletter =
                with(gift(10_00), "donor", Map.of("firstName", "Bob", "lastName", "B", "email", "bob@example.org"));
        confirmedGift(with(
                fromTheNewsletter, "utm", Map.of("source", "newsletter", "medium", "email", "campaign", "noel-2026")));
        assertRefused(with(gift(10_00), "utm", Map.of("source", "<script>")), 400, "utm.source");

        JsonNode insights = getAs("/api/campaigns/" + campaignId + "/insights", organisation)
                .getBody();
        assertThat(insights.get("total").get("amount").asLong()).isEqualTo(40_00);
        assertThat(insights.get("gifts").asLong()).isEqualTo(2);
        assertThat(insights.get("donors").asLong()).isEqualTo(2);
        assertThat(insights.get("medianGift").get("amount").asLong()).isEqualTo(10_00);
        assertThat(insights.get("sources").get(0).get("source").asString()).isEqualTo("campaign-page");
        assertThat(insights.get("days").get(0).get("cumulative").get("amount").asLong())
                .isEqualTo(40_00);
        assertThat(insights.get("channels").get(0).get("source").asString()).isEqualTo("newsletter");
        assertThat(insights.get("channels").get(0).get("campaign").asString()).isEqualTo("noel-2026");
        assertThat(insights.get("channels").get(0).get("amount").get("amount").asLong())
                .isEqualTo(10_00);
        assertThat(csvText(csv(""))).contains(";newsletter;email;noel-2026");

        ResponseEntity<byte[]> csv = http.get()
                .uri("/api/campaigns/" + campaignId + "/insights")
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve()
                .toEntity(byte[].class);
        assertThat(csvText(csv)).startsWith("Jour;Dons;Montant;Cumul;Devise").contains(";2;40,00;40,00;EUR");

        assertThat(getAs("/api/campaigns/" + campaignId + "/insights", "org-" + UUID.randomUUID())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void the_organisation_hides_a_donor_s_message_from_the_public_wall_in_one_call() {
        String id = confirmedGift(with(gift(15_00), "message", "Appelez-moi au 06 12 34 56 78"));
        assertThat(get("/api/campaigns/" + campaignId + "/supporters").getBody().findValuesAsString("message"))
                .contains("Appelez-moi au 06 12 34 56 78");

        assertThat(post("/api/donations/" + id + "/message/hide", "org-" + UUID.randomUUID(), Map.of())
                        .getStatusCode()
                        .value())
                .as("another organisation's gift does not exist for it")
                .isEqualTo(404);
        ResponseEntity<JsonNode> hidden = post("/api/donations/" + id + "/message/hide", organisation, Map.of());

        assertThat(hidden.getStatusCode().value()).isEqualTo(200);
        assertThat(hidden.getBody().get("messageHiddenAt").isNull()).isFalse();
        assertThat(hidden.getBody().get("message").asString())
                .as("the organisers still read it")
                .isEqualTo("Appelez-moi au 06 12 34 56 78");
        assertThat(get("/api/campaigns/" + campaignId + "/supporters").getBody().toString())
                .doesNotContain("06 12 34 56 78");
        // Live screens hear of it, to take the message down from a stream's overlay.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .anySatisfy(event -> assertThat(event).isInstanceOf(DonationMessageHidden.class)));
        Instant hiddenAt = Instant.parse(hidden.getBody().get("messageHiddenAt").asString());
        Instant hiddenAgainAt = Instant.parse(post("/api/donations/" + id + "/message/hide", organisation, Map.of())
                .getBody()
                .get("messageHiddenAt")
                .asString());
        assertThat(hiddenAgainAt)
                .as("hiding it again changes nothing (the store keeps milliseconds)")
                .isEqualTo(hiddenAt.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void a_message_with_a_held_word_waits_hidden_until_the_organisation_shows_it() {
        ResponseEntity<JsonNode> words = http.put()
                .uri("/api/organisations/me/moderation")
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("words", List.of(" Arnaque ", "arnaque", "06")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(words.getStatusCode().value()).isEqualTo(200);
        assertThat(words.getBody().get("words").toString()).isEqualTo("[\"arnaque\",\"06\"]");
        ResponseEntity<JsonNode> notAWord = http.put()
                .uri("/api/organisations/me/moderation")
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("words", List.of("deux mots")))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(notAWord.getStatusCode().value()).isEqualTo(422);
        assertThat(notAWord.getBody().get("errors").findValuesAsString("field")).containsExactly("words");

        String id = confirmedGift(with(gift(12_00), "message", "Quelle ARNAQUÉ, ce canal !"));

        assertThat(get("/api/campaigns/" + campaignId + "/supporters").getBody().toString())
                .doesNotContain("Quelle");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .filteredOn(DonationConfirmed.class::isInstance)
                        .singleElement()
                        .satisfies(confirmed -> assertThat(((DonationConfirmed) confirmed).message())
                                .as("the stream overlay hears no held message")
                                .isNull()));
        JsonNode listed = getAs("/api/campaigns/" + campaignId + "/donations", organisation)
                .getBody();
        assertThat(listed.toString()).contains("\"messageHeldFor\":\"arnaque\"");

        assertThat(post("/api/donations/" + id + "/message/show", organisation, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(get("/api/campaigns/" + campaignId + "/supporters").getBody().findValuesAsString("message"))
                .contains("Quelle ARNAQUÉ, ce canal !");
    }

    private ResponseEntity<byte[]> csv(String query) {
        return http.get()
                .uri("/api/campaigns/" + campaignId + "/donations" + query)
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve()
                .toEntity(byte[].class);
    }

    private static String csvText(ResponseEntity<byte[]> csv) {
        byte[] body = csv.getBody();
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    private String confirmedGift(long amount) {
        return confirmedGift(gift(amount));
    }

    /** Gives with a fresh Idempotency-Key and waits for the sandbox to confirm it. */
    private String confirmedGift(Map<String, Object> body) {
        String id = give(UUID.randomUUID().toString(), body).getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/api/donations/" + id)
                        .getBody()
                        .get("status")
                        .asString()
                        .equals("CONFIRMED"));
        return id;
    }

    private void assertRefused(Map<String, Object> body, int status, String field) {
        ResponseEntity<JsonNode> response = give(UUID.randomUUID().toString(), body);
        assertThat(response.getStatusCode().value()).as(body.toString()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().has("title")).isTrue();
        assertThat(response.getBody().has("detail")).isTrue();
        if (field != null) {
            assertThat(response.getBody().get("errors").findValuesAsString("field"))
                    .as(body.toString())
                    .contains(field);
        }
    }

    private long donationsOfCampaign() {
        return donations.findAll().stream()
                .filter(d -> d.campaignId().equals(campaignId))
                .count();
    }

    private void publishCampaign(String id) {
        publishCampaign(id, new CampaignPublished.RewardOffered(rewardId, "Visite", Money.of(50_00, "EUR"), 10));
    }

    private void publishCampaign(String id, CampaignPublished.RewardOffered reward) {
        publishCampaign(id, organisation, reward);
    }

    /** The organiser opened a poll on a live campaign. */
    private void sendUpdated(String id, CampaignUpdated.OpenPoll poll) {
        CampaignUpdated updated = new CampaignUpdated(
                id,
                organisation,
                "Péniche",
                Money.of(1000_00, "EUR"),
                Instant.now().plus(Duration.ofDays(30)),
                List.of(),
                Instant.now(),
                poll);
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                id,
                codec.encode(codec.wrap(updated, "/campaign-service", id, Instant.now(), null)));
    }

    /** The organiser changed a live campaign, whose only reward is now {@code reward}. */
    private void updateReward(String id, CampaignPublished.RewardOffered reward) {
        CampaignUpdated updated = new CampaignUpdated(
                id,
                organisation,
                "Péniche",
                Money.of(1000_00, "EUR"),
                Instant.now().plus(Duration.ofDays(30)),
                List.of(reward),
                Instant.now());
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                id,
                codec.encode(codec.wrap(updated, "/campaign-service", id, Instant.now(), null)));
    }

    /** A published campaign whose only reward has a single unit. */
    private String campaignOfferingOne(String rewardId) {
        String otherCampaign = "camp-" + UUID.randomUUID();
        publishCampaign(
                otherCampaign,
                new CampaignPublished.RewardOffered(rewardId, "Le seul vélo", Money.of(10_00, "EUR"), 1));
        return otherCampaign;
    }

    private Map<String, Object> gift(long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("amount", Map.of("amount", amount, "currency", "EUR"));
        body.put("donor", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org"));
        body.put("paymentMethod", "pm_sandbox_ok");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }
}
