package org.tirelire.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.http.ResponseEntity;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.SubscriptionMovedToGeneralFund;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.donation.DonationStatus;
import org.tirelire.donation.subscription.RecurringCharges;
import org.tirelire.kit.time.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * Recurring gifts on the test clock, moved forward by each test and put back after it: a year of monthly
 * charges for many donors taken by two instances at once, none twice and none missed; retries and
 * suspension; pause; cancellation between a claim and its charge; the donor's signed link. The service's
 * own scheduler may charge meanwhile, as a third instance would.
 */
class SubscriptionsIntegrationTest extends DonationServiceTest {

    @Autowired
    MovableClock clock;

    @Autowired
    RecurringCharges charges;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    DonationRepository donations;

    private final String organisation = "org-" + UUID.randomUUID();
    private String campaignId;

    /** 30 by default; {@code -Dtirelire.test.subscription-donors=100} for the 1,300 charges of the issue. */
    private static final int DONORS = Integer.getInteger("tirelire.test.subscription-donors", 30);

    @org.junit.jupiter.api.AfterEach
    void putTheClockBack() {
        clock.resetTo(Duration.ZERO);
    }

    @BeforeEach
    void aLiveCampaign() {
        campaignId = "camp-" + UUID.randomUUID();
        publishCampaign(
                campaignId,
                organisation,
                new CampaignPublished.RewardOffered("r-" + campaignId, "Visite", Money.of(50_00, "EUR"), 10));
    }

    @Test
    void a_year_of_monthly_gifts_charged_by_two_instances_makes_each_charge_once() throws Exception {
        int donors = DONORS;
        List<String> subscriptions = new ArrayList<>();
        for (int i = 0; i < donors; i++) {
            subscriptions.add(
                    monthly(10_00 + i, "pm_sandbox_ok").get("subscriptionId").asString());
        }
        RecurringCharges otherInstance = beans.createBean(RecurringCharges.class);
        ExecutorService instances = Executors.newFixedThreadPool(2);

        // The service's own scheduler may run too: a third instance, as on a platform that scales out.
        for (int month = 1; month <= 12; month++) {
            clock.advance(Duration.ofDays(31));
            List<Future<Integer>> runs =
                    List.of(instances.submit(charges::chargeDue), instances.submit(otherInstance::chargeDue));
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        instances.shutdown();

        Set<String> allCharges = new HashSet<>();
        for (String id : subscriptions) {
            List<Donation> made = donations.findAll().stream()
                    .filter(d -> id.equals(d.subscriptionId()))
                    .toList();
            assertThat(made)
                    .extracting(Donation::chargePeriod)
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            made.forEach(d -> allCharges.add(d.id()));
        }
        assertThat(allCharges).hasSize(donors * 13);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(allCharges.stream()
                                .map(id -> donations.findById(id).orElseThrow().status())
                                .filter(status -> status != DonationStatus.CONFIRMED))
                        .isEmpty());
    }

    @Test
    void a_charge_that_keeps_failing_is_retried_on_day_3_and_day_7_then_the_gift_is_suspended() {
        JsonNode first = monthly(25_00, "pm_sandbox_fails_later");
        String id = first.get("subscriptionId").asString();
        String token = tokenOf(first);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> subscription(id, token).get("charges").size() == 1);

        clock.advance(Duration.ofDays(31));
        charges.chargeDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> retryAt(id) != null);
        clock.advance(Duration.ofDays(3));
        charges.chargeDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> failedCharges(id) == 2);
        clock.advance(Duration.ofDays(4));
        charges.chargeDue();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(subscription(id, token).get("status").asString())
                                .isEqualTo("SUSPENDED"));
        // The third attempt's record may land a moment after the status: both are there before time moves.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> subscription(id, token).get("charges").size() == 4);
        clock.advance(Duration.ofDays(31));
        charges.chargeDue();
        assertThat(subscription(id, token).get("charges").size())
                .as("the first charge and three attempts for the second month, nothing after")
                .isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Object> told = new ArrayList<>(eventsAbout(id));
            assertThat(told).first().isInstanceOf(org.tirelire.contracts.events.SubscriptionStarted.class);
            assertThat(told)
                    .filteredOn(org.tirelire.contracts.events.SubscriptionChargeFailed.class::isInstance)
                    .map(org.tirelire.contracts.events.SubscriptionChargeFailed.class::cast)
                    .as("the donor is told of each failure, and of the suspension last, with the link to fix it")
                    .extracting(org.tirelire.contracts.events.SubscriptionChargeFailed::suspended)
                    .containsExactly(false, false, true);
        });

        // The donor follows the link and gives another method: the failed month is tried again at once,
        // the month that fell due while the gift was suspended is not charged, and the next ones are.
        assertThat(postJson(
                                "/api/subscriptions/" + id + "/payment-method?token=" + token,
                                Map.of("paymentMethod", "pm_unknown"))
                        .getStatusCode()
                        .value())
                .isEqualTo(422);
        assertThat(postJson(
                                "/api/subscriptions/" + id + "/payment-method?token=forged",
                                Map.of("paymentMethod", "pm_sandbox_ok"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        JsonNode changed = postJson(
                        "/api/subscriptions/" + id + "/payment-method?token=" + token,
                        Map.of("paymentMethod", "pm_sandbox_ok"))
                .getBody();
        assertThat(changed.get("redirect").isNull()).isTrue();
        assertThat(changed.get("subscription").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(changed.get("subscription").get("paymentMethod").asString()).isEqualTo("pm_sandbox_ok");

        charges.chargeDue();
        List<String> made = subscription(id, token)
                .get("charges")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
        assertThat(made).hasSize(5);
        Donation retried = donations.findById(made.get(4)).orElseThrow();
        assertThat(retried.chargePeriod()).isEqualTo(1);
        assertThat(retried.chargeAttempt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> donations.findById(retried.id()).orElseThrow().status() == DonationStatus.CONFIRMED);

        clock.advance(Duration.ofDays(31));
        charges.chargeDue();
        assertThat(subscription(id, token).get("charges")).hasSize(6);
        assertThat(donations
                        .findById(subscription(id, token).get("charges").get(5).asString())
                        .orElseThrow()
                        .chargePeriod())
                .isEqualTo(3);
    }

    @Test
    void a_paused_gift_skips_its_months_and_goes_on_after() {
        JsonNode first = monthly(15_00, "pm_sandbox_ok");
        String id = first.get("subscriptionId").asString();
        String token = tokenOf(first);

        JsonNode paused = postJson("/api/subscriptions/" + id + "/pause?token=" + token, Map.of("months", 2))
                .getBody();
        assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
        for (int month = 0; month < 3; month++) {
            clock.advance(Duration.ofDays(31));
            charges.chargeDue();
        }

        JsonNode after = subscription(id, token);
        assertThat(after.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.get("charges").size())
                .as("the first charge, then one after the pause")
                .isEqualTo(2);
    }

    @Test
    void a_gift_cancelled_between_the_claim_and_the_charge_is_not_charged() throws Exception {
        JsonNode first = monthly(12_00, "pm_sandbox_ok");
        String id = first.get("subscriptionId").asString();
        String token = tokenOf(first);
        clock.advance(Duration.ofDays(31));
        // An instance claimed period 1 and was killed before charging it.
        mongo().getCollection("subscription_charges")
                .insertOne(new org.bson.Document("_id", id + "/1/0")
                        .append("subscriptionId", id)
                        .append("period", 1)
                        .append("attempt", 0)
                        .append("donationId", UUID.randomUUID().toString())
                        .append("claimedAt", java.util.Date.from(clock.instant().minus(Duration.ofMinutes(5)))));

        assertThat(postJson("/api/subscriptions/" + id + "/cancel?token=" + token, Map.of())
                        .getBody()
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
        charges.chargeDue();

        assertThat(subscription(id, token).get("charges").size()).isEqualTo(1);
        assertThat(subscription(id, token).has("nextChargeAt")
                        && !subscription(id, token).get("nextChargeAt").isNull())
                .isFalse();
    }

    @Test
    void a_half_made_charge_left_by_a_killed_instance_is_finished_once_with_its_own_donation() {
        JsonNode first = monthly(11_00, "pm_sandbox_ok");
        String id = first.get("subscriptionId").asString();
        clock.advance(Duration.ofDays(31));
        String claimedDonation = UUID.randomUUID().toString();
        mongo().getCollection("subscription_charges")
                .insertOne(new org.bson.Document("_id", id + "/1/0")
                        .append("subscriptionId", id)
                        .append("period", 1)
                        .append("attempt", 0)
                        .append("donationId", claimedDonation)
                        .append("claimedAt", java.util.Date.from(clock.instant().minus(Duration.ofMinutes(5)))));

        charges.chargeDue();
        charges.chargeDue();

        assertThat(donations.findById(claimedDonation))
                .as("finished with the claim's donation id")
                .isPresent();
        assertThat(subscription(id, tokenOf(first)).get("charges").size()).isEqualTo(2);
    }

    @Test
    void the_donor_s_link_is_refused_forged_for_another_gift_or_expired() {
        JsonNode first = monthly(20_00, "pm_sandbox_ok");
        JsonNode other = monthly(30_00, "pm_sandbox_ok");
        String id = first.get("subscriptionId").asString();
        String token = tokenOf(first);

        assertThat(get("/api/subscriptions/" + id + "?token=" + token)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        assertThat(get("/api/subscriptions/" + id + "?token=" + forged)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(get("/api/subscriptions/" + id + "?token=" + tokenOf(other))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(postJson("/api/subscriptions/" + id + "/cancel", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        clock.advance(Duration.ofDays(401));
        assertThat(get("/api/subscriptions/" + id + "?token=" + token)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void a_monthly_gift_takes_no_reward_and_a_new_amount_applies_to_the_next_charges() {
        Map<String, Object> withReward = monthlyGift(60_00, "pm_sandbox_ok");
        withReward.put("rewardId", "r-" + campaignId);
        ResponseEntity<JsonNode> refused = give(UUID.randomUUID().toString(), withReward);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("errors").findValuesAsString("field")).containsExactly("rewardId");

        JsonNode first = monthly(20_00, "pm_sandbox_ok");
        String id = first.get("subscriptionId").asString();
        String token = tokenOf(first);
        assertThat(postJson(
                                "/api/subscriptions/" + id + "/amount?token=" + token,
                                Map.of("amount", Map.of("amount", 35_00, "currency", "EUR")))
                        .getBody()
                        .get("amount")
                        .get("amount")
                        .asLong())
                .isEqualTo(35_00);
        clock.advance(Duration.ofDays(31));
        charges.chargeDue();

        List<String> made = new ArrayList<>();
        subscription(id, token).get("charges").forEach(charge -> made.add(charge.asString()));
        assertThat(donations.findById(made.get(1)).orElseThrow().amount()).isEqualTo(Money.of(35_00, "EUR"));
    }

    @Test
    void the_treasurer_sees_the_regular_gifts_and_their_monthly_revenue_and_stops_one_at_a_donor_s_request() {
        String tenEuros = monthly(10_00, "pm_sandbox_ok").get("subscriptionId").asString();
        monthly(20_00, "pm_sandbox_ok");
        Map<String, Object> yearly = monthlyGift(120_00, "pm_sandbox_ok");
        yearly.put("frequency", "YEARLY");
        assertThat(give(UUID.randomUUID().toString(), yearly).getStatusCode().value())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode overview =
                    getAs("/api/organisations/me/subscriptions", organisation).getBody();
            assertThat(overview.get("subscriptions").size()).isEqualTo(3);
            assertThat(overview.get("monthlyRecurringRevenue").get("amount").asLong())
                    .as("10 € + 20 € a month, and a twelfth of 120 € a year")
                    .isEqualTo(40_00);
            long received = 0;
            for (JsonNode month : overview.get("receivedByMonth")) {
                received += month.get("amount").asLong();
            }
            assertThat(received).as("the three first charges, confirmed").isEqualTo(150_00);
        });

        ResponseEntity<JsonNode> stopped =
                post("/api/organisations/me/subscriptions/" + tenEuros + "/cancel", organisation, Map.of());
        assertThat(stopped.getBody().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(post(
                                "/api/organisations/me/subscriptions/" + tenEuros + "/cancel",
                                "org-" + UUID.randomUUID(),
                                Map.of())
                        .getStatusCode()
                        .value())
                .as("another organisation's gift does not exist for it")
                .isEqualTo(404);
        assertThat(getAs("/api/organisations/me/subscriptions", organisation)
                        .getBody()
                        .get("monthlyRecurringRevenue")
                        .get("amount")
                        .asLong())
                .isEqualTo(30_00);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reportedActionsOf(organisation))
                        .extracting(org.tirelire.contracts.events.OrganisationActionTaken::action)
                        .contains(org.tirelire.contracts.access.AuditAction.SUBSCRIPTION_CANCELLED));
    }

    @Test
    void a_donor_who_lost_the_link_gets_a_new_one_by_email_and_nobody_learns_whether_an_address_gives() {
        String address = "grace-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> gift = monthlyGift(18_00, "pm_sandbox_ok");
        gift.put("donor", Map.of("firstName", "Grace", "lastName", "Hopper", "email", address));
        String id = give(UUID.randomUUID().toString(), gift)
                .getBody()
                .get("subscriptionId")
                .asString();

        assertThat(postJson("/api/subscriptions/links", Map.of("email", address.toUpperCase()))
                        .getStatusCode()
                        .value())
                .isEqualTo(202);
        assertThat(postJson("/api/subscriptions/links", Map.of("email", address))
                        .getStatusCode()
                        .value())
                .as("asked again at once: answered the same, and no second email")
                .isEqualTo(202);
        assertThat(postJson("/api/subscriptions/links", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org"))
                        .getStatusCode()
                        .value())
                .as("an address that gives nothing is answered the same")
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .filteredOn(org.tirelire.contracts.events.SubscriptionLinkSent.class::isInstance)
                        .singleElement()
                        .isInstanceOfSatisfying(org.tirelire.contracts.events.SubscriptionLinkSent.class, sent -> {
                            assertThat(sent.donor().email()).isEqualTo(address);
                            String url = sent.manageUrl();
                            assertThat(get("/api/subscriptions/" + id + "?token="
                                                    + url.substring(url.indexOf("token=") + "token=".length()))
                                            .getStatusCode()
                                            .value())
                                    .isEqualTo(200);
                        }));
    }

    @Test
    void once_its_campaign_has_ended_a_monthly_gift_goes_on_for_the_association_s_general_fund() {
        JsonNode given = monthly(18_00, "pm_sandbox_ok");
        String id = given.get("subscriptionId").asString();
        closeCampaign(campaignId, organisation);
        closeCampaign(campaignId, organisation); // redelivered
        // The donor is told now, with the link to their page, rather than by the next thank-you.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .filteredOn(SubscriptionMovedToGeneralFund.class::isInstance)
                        .singleElement()
                        .isInstanceOfSatisfying(SubscriptionMovedToGeneralFund.class, moved -> {
                            assertThat(moved.amount()).isEqualTo(Money.of(18_00, "EUR"));
                            assertThat(moved.frequency()).isEqualTo("MONTHLY");
                            assertThat(moved.manageUrl()).contains("/subscriptions/" + id + "?token=");
                        }));

        clock.advance(Duration.ofDays(31));
        charges.chargeDue();

        JsonNode seen = subscription(id, tokenOf(given));
        assertThat(seen.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(seen.get("generalFundSince").isNull()).isFalse();
        String charge = seen.get("charges").get(1).asString();
        String fund = "fund-" + organisation;
        assertThat(donations.findById(charge).orElseThrow().campaignId()).isEqualTo(fund);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> donations.findById(charge).orElseThrow().status() == DonationStatus.CONFIRMED);
        // The confirmation leaves through the outbox a moment after the donation is saved confirmed.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(charge))
                        .singleElement()
                        .isInstanceOfSatisfying(org.tirelire.contracts.events.DonationConfirmed.class, confirmed -> {
                            assertThat(confirmed.campaignId()).isEqualTo(fund);
                            assertThat(confirmed.manageUrl())
                                    .as("every charge's thank-you links to the donor's page")
                                    .contains("/subscriptions/" + id + "?token=");
                            assertThat(confirmed.subscriptionId())
                                    .as("the charge says which recurring gift it is, for the receipt's follow-up")
                                    .isEqualTo(id);
                        }));
        assertThat(eventsAbout(id))
                .as("told once, though the campaign's end was heard twice and a charge followed")
                .filteredOn(SubscriptionMovedToGeneralFund.class::isInstance)
                .hasSize(1);

        JsonNode overview = getAs("/api/organisations/me/subscriptions", organisation)
                .getBody()
                .get("generalFund");
        assertThat(overview.get("id").asString()).isEqualTo(fund);
        assertThat(overview.get("raised").get("amount").asLong()).isEqualTo(18_00);
        assertThat(overview.get("gifts").asInt()).isEqualTo(1);
        assertThat(getAs("/api/campaigns/" + fund + "/donations", organisation)
                        .getBody()
                        .get("content"))
                .singleElement()
                .satisfies(gift -> assertThat(gift.get("id").asString()).isEqualTo(charge));
        assertThat(getAs("/api/campaigns/" + fund + "/donations", "org-someone-else")
                        .getStatusCode()
                        .value())
                .as("another organisation's general fund")
                .isEqualTo(403);
    }

    @Test
    void a_campaign_that_missed_its_all_or_nothing_goal_stops_its_regular_gifts_and_refunds_their_charges() {
        JsonNode given = monthly(22_00, "pm_sandbox_ok");
        String id = given.get("subscriptionId").asString();
        String first = given.get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> donations.findById(first).orElseThrow().status() == DonationStatus.CONFIRMED);

        kafka.send(
                org.tirelire.contracts.events.Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(
                        new org.tirelire.contracts.events.CampaignClosed(
                                campaignId,
                                organisation,
                                Money.of(22_00, "EUR"),
                                1,
                                java.time.Instant.now(),
                                org.tirelire.contracts.events.CampaignClosed.FAILED),
                        "/campaign-service",
                        campaignId,
                        java.time.Instant.now(),
                        null)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(subscription(id, tokenOf(given)).get("status").asString())
                    .isEqualTo("CANCELLED");
            assertThat(donations.findById(first).orElseThrow().status()).isEqualTo(DonationStatus.REFUNDED);
        });
        clock.advance(Duration.ofDays(31));
        charges.chargeDue();
        assertThat(subscription(id, tokenOf(given)).get("charges"))
                .as("nothing more for the general fund")
                .hasSize(1);
    }

    @Test
    void a_yearly_donor_is_told_a_fortnight_before_each_charge_once() {
        Map<String, Object> yearly = monthlyGift(120_00, "pm_sandbox_ok");
        yearly.put("frequency", "YEARLY");
        ResponseEntity<JsonNode> given = give(UUID.randomUUID().toString(), yearly);
        String id = given.getBody().get("subscriptionId").asString();
        JsonNode monthlyToo = monthly(10_00, "pm_sandbox_ok");

        clock.advance(Duration.ofDays(340));
        charges.chargeDue();
        assertThat(noticesOf(id)).as("a month before: nothing yet").isEmpty();

        clock.advance(Duration.ofDays(12)); // 13 days before the charge
        charges.chargeDue();
        charges.chargeDue();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(noticesOf(id)).singleElement().satisfies(notice -> {
                    assertThat(notice.amount()).isEqualTo(Money.of(120_00, "EUR"));
                    assertThat(notice.chargeAt()).isAfter(clock.instant());
                    assertThat(notice.manageUrl()).contains("/subscriptions/" + id + "?token=");
                }));
        assertThat(eventsAbout(monthlyToo.get("subscriptionId").asString()))
                .as("monthly gifts get no notice")
                .noneMatch(org.tirelire.contracts.events.SubscriptionChargeUpcoming.class::isInstance);

        clock.advance(Duration.ofDays(14));
        charges.chargeDue();
        assertThat(subscription(id, tokenOf(given.getBody())).get("charges")).hasSize(2);
        assertThat(noticesOf(id)).as("the next notice comes next year").hasSize(1);
    }

    private List<org.tirelire.contracts.events.SubscriptionChargeUpcoming> noticesOf(String subscriptionId) {
        return eventsAbout(subscriptionId).stream()
                .filter(org.tirelire.contracts.events.SubscriptionChargeUpcoming.class::isInstance)
                .map(org.tirelire.contracts.events.SubscriptionChargeUpcoming.class::cast)
                .toList();
    }

    @Test
    void the_test_clock_moves_only_for_the_admin_and_charges_what_fell_due_at_once() {
        JsonNode given = monthly(12_00, "pm_sandbox_ok");
        String id = given.get("subscriptionId").asString();

        assertThat(clockCall("advance", Map.of("days", 31), null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(clockCall("advance", Map.of("days", 31), "wrong")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(clockCall("advance", Map.of("days", 0), "test-admin-token")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(clock.offset()).isEqualTo(Duration.ZERO);

        ResponseEntity<JsonNode> advanced = clockCall("advance", Map.of("days", 31), "test-admin-token");

        assertThat(advanced.getStatusCode().value()).isEqualTo(200);
        assertThat(advanced.getBody().get("offsetDays").asLong()).isEqualTo(31);
        assertThat(subscription(id, tokenOf(given)).get("charges").size()).isEqualTo(2);

        ResponseEntity<JsonNode> back = clockCall("set", Map.of("offsetDays", -10), "test-admin-token");
        assertThat(back.getBody().get("offsetDays").asLong()).isEqualTo(-10);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(-10));
        assertThat(clockCall("set", Map.of("offsetDays", 0), "test-admin-token")
                        .getBody()
                        .get("offsetDays")
                        .asLong())
                .isZero();
    }

    private ResponseEntity<JsonNode> clockCall(String action, Map<String, Object> body, String adminToken) {
        return http.post()
                .uri("/api/admin/test-clock/" + action)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (adminToken != null) {
                        headers.add("X-Admin-Token", adminToken);
                    }
                })
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode monthly(long amount, String paymentMethod) {
        ResponseEntity<JsonNode> given = give(UUID.randomUUID().toString(), monthlyGift(amount, paymentMethod));
        assertThat(given.getStatusCode().value())
                .as(String.valueOf(given.getBody()))
                .isEqualTo(201);
        assertThat(given.getBody().get("manageUrl").asString()).contains("/subscriptions/");
        return given.getBody();
    }

    private Map<String, Object> monthlyGift(long amount, String paymentMethod) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("amount", Map.of("amount", amount, "currency", "EUR"));
        body.put("donor", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org"));
        body.put("paymentMethod", paymentMethod);
        body.put("frequency", "MONTHLY");
        return body;
    }

    private static String tokenOf(JsonNode given) {
        String url = given.get("manageUrl").asString();
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    private JsonNode subscription(String id, String token) {
        return get("/api/subscriptions/" + id + "?token=" + token).getBody();
    }

    private Object retryAt(String id) {
        org.bson.Document found = mongo().getCollection("subscriptions")
                .find(new org.bson.Document("_id", id))
                .first();
        return found == null ? null : found.get("retryAt");
    }

    private int failedCharges(String id) {
        org.bson.Document found = mongo().getCollection("subscriptions")
                .find(new org.bson.Document("_id", id))
                .first();
        return found == null ? 0 : found.getList("failedCharges", String.class).size();
    }

    private ResponseEntity<JsonNode> postJson(String path, Object body) {
        return http.post()
                .uri(path)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongoTemplate;

    private org.springframework.data.mongodb.core.MongoTemplate mongo() {
        return mongoTemplate;
    }
}
