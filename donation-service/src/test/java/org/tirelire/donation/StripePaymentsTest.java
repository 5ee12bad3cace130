package org.tirelire.donation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.stripe.Stripe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.PaymentAccountChanged;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.payment.ProviderBreakers;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.account.PaymentAccountRequest;
import org.tirelire.donation.payment.account.PaymentAccountSettings;
import org.tirelire.donation.payment.account.PaymentAccountView;
import org.tirelire.donation.reward.RewardStocks;
import org.tirelire.donation.subscription.RecurringCharges;
import org.tirelire.kit.security.Organiser;
import org.tirelire.kit.time.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation collects on its own Stripe account: the key checked and kept encrypted, gifts paid on a
 * Checkout Session, confirmed only by webhooks its signing secret verifies, reconciled when a webhook is
 * lost, refunded through Stripe. Stripe is played by WireMock, answering with the objects of Stripe's API
 * reference; the service calls it through stripe-java, as in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripePaymentsTest extends DonationServiceTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String secretKey =
            "sk_test_51Tirelire" + UUID.randomUUID().toString().replace("-", "");
    private final String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
    private final String organisation = "org-" + UUID.randomUUID();
    private final String campaignId = "camp-" + UUID.randomUUID();

    @Autowired
    PaymentAccountSettings paymentAccounts;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RewardStocks rewardStocks;

    @Autowired
    ProviderBreakers breakers;

    @Autowired
    MovableClock clock;

    @Autowired
    RecurringCharges recurringCharges;

    @Autowired
    DonationRepository donations;

    @BeforeEach
    void anOrganisationCollectingOnItsStripeAccount() {
        stripe.resetAll();
        breakers.of(ProviderKind.STRIPE).reset(); // one test's outage is not the next one's
        // What Stripe answers for an object it does not have, as for a session the test never created.
        stripe.stubFor(WireMock.any(urlPathMatching("/v1/.*"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"code": "resource_missing", "message": "No such object",
                                           "type": "invalid_request_error"}}
                                """)));
        stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/balance"))
                .withHeader("Authorization", equalTo("Bearer " + secretKey))
                .willReturn(okJson("""
                        {"object": "balance", "livemode": false,
                         "available": [{"amount": 0, "currency": "eur", "source_types": {"card": 0}}],
                         "pending": [{"amount": 0, "currency": "eur", "source_types": {"card": 0}}]}
                        """)));
        PaymentAccountView connected = paymentAccounts.connect(treasurer(), stripeAccount());
        assertThat(connected.status()).isEqualTo("CONNECTED");
        publishCampaign(
                campaignId,
                organisation,
                new CampaignPublished.RewardOffered("reward-" + campaignId, "Visite", Money.of(50_00, "EUR"), 10));
    }

    @Test
    void the_key_is_checked_with_stripe_kept_encrypted_and_never_shown_again(CapturedOutput logs) {
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/balance")));

        Document stored = mongo.getCollection("payment_accounts")
                .find(new Document("_id", organisation))
                .first();
        assertThat(stored.toJson()).doesNotContain(secretKey).doesNotContain(webhookSecret);
        JsonNode shown = getAs("/api/organisations/me/payments", organisation).getBody();
        assertThat(shown.get("provider").asString()).isEqualTo("STRIPE");
        assertThat(shown.get("movesMoney").asBoolean()).isTrue();
        assertThat(shown.get("keyHint").asString()).isEqualTo("…" + secretKey.substring(secretKey.length() - 4));
        assertThat(shown.toString()).doesNotContain(secretKey).doesNotContain(webhookSecret);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(organisation))
                        .singleElement()
                        .isInstanceOfSatisfying(PaymentAccountChanged.class, changed -> {
                            assertThat(changed.provider()).isEqualTo("STRIPE");
                            assertThat(changed.changedBy()).isEqualTo("tresoriere@example.org");
                        }));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reportedActionsOf(organisation))
                        .singleElement()
                        .satisfies(taken -> {
                            assertThat(taken.action()).isEqualTo(AuditAction.PAYMENT_ACCOUNT_CHANGED);
                            assertThat(taken.actorEmail()).isEqualTo("tresoriere@example.org");
                            assertThat(taken.target())
                                    .isEqualTo("gifts now paid through STRIPE, key "
                                            + shown.get("keyHint").asString());
                        }));
        assertThat(logs.getAll())
                .contains("now collects through STRIPE")
                .doesNotContain(secretKey)
                .doesNotContain(webhookSecret);
    }

    @Test
    void a_key_stripe_refuses_is_not_kept_and_gifts_still_go_where_they_went() {
        String wrongKey = "sk_test_wrong" + UUID.randomUUID().toString().replace("-", "");
        stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/balance"))
                .withHeader("Authorization", equalTo("Bearer " + wrongKey))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"message": "Invalid API Key provided: sk_test_****wxyz",
                                           "type": "invalid_request_error"}}
                                """)));

        PaymentAccountView refused = paymentAccounts.connect(
                treasurer(),
                new PaymentAccountRequest(ProviderKind.STRIPE, wrongKey, webhookSecret, null, null, null, "pw"));

        assertThat(refused.status()).isEqualTo("INVALID");
        assertThat(refused.detail()).contains("Stripe refused this secret key");
        assertThat(paymentAccounts.current(organisation).keyHint())
                .isEqualTo("…" + secretKey.substring(secretKey.length() - 4));
    }

    @Test
    void a_gift_is_paid_on_stripe_checkout_and_confirmed_once_by_its_signed_webhook() {
        stubCheckoutSession("cs_test_paid");

        ResponseEntity<JsonNode> created = give(UUID.randomUUID().toString(), gift(25_00));

        assertThat(created.getStatusCode().value())
                .as(created.getBody().toString())
                .isEqualTo(201);
        JsonNode donation = created.getBody();
        String id = donation.get("id").asString();
        assertThat(donation.get("status").asString()).isEqualTo("PENDING");
        assertThat(donation.get("nextAction").get("type").asString()).isEqualTo("redirect");
        assertThat(donation.get("nextAction").get("provider").asString()).isEqualTo("stripe");
        assertThat(donation.get("nextAction").get("url").asString())
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_test_paid");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("tirelire-checkout-" + id))
                .withFormParam("mode", equalTo("payment"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("2500"))
                .withFormParam("line_items[0][price_data][currency]", equalTo("eur"))
                .withFormParam("metadata[donation_id]", equalTo(id))
                .withFormParam("customer_email", equalTo("ada@example.org"))
                .withFormParam("success_url", equalTo("http://localhost:8080/donations/" + id)));

        String completed = event("checkout.session.completed", paidSession("cs_test_paid", id, 25_00));
        assertThat(webhook(completed, signed(completed, webhookSecret, Instant.now())))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                DonationConfirmed.class,
                                confirmed -> assertThat(confirmed.amount()).isEqualTo(Money.of(25_00, "EUR"))));

        // Stripe sends a webhook again until it hears 200, and may send it twice anyway.
        assertThat(webhook(completed, signed(completed, webhookSecret, Instant.now())))
                .isEqualTo(200);
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        assertThat(eventsAbout(id)).hasSize(1);
    }

    @Test
    void webhooks_unsigned_forged_or_too_old_are_refused_and_change_nothing() {
        stubCheckoutSession("cs_test_forged");
        String id = give(UUID.randomUUID().toString(), gift(25_00))
                .getBody()
                .get("id")
                .asString();
        String completed = event("checkout.session.completed", paidSession("cs_test_forged", id, 25_00));

        assertThat(webhook(completed, null)).isEqualTo(400);
        assertThat(webhook(completed, signed(completed, "whsec_someone_else", Instant.now())))
                .isEqualTo(400);
        assertThat(webhook(
                        completed,
                        signed(completed, webhookSecret, Instant.now().minus(Duration.ofMinutes(10)))))
                .isEqualTo(400);
        String tampered = completed.replace("\"amount_total\":2500", "\"amount_total\":100");
        assertThat(webhook(tampered, signed(completed, webhookSecret, Instant.now())))
                .isEqualTo(400);

        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(eventsAbout(id)).isEmpty();
    }

    @Test
    void a_payment_of_another_amount_never_confirms_the_gift() {
        stubCheckoutSession("cs_test_other_amount");
        String id = give(UUID.randomUUID().toString(), gift(25_00))
                .getBody()
                .get("id")
                .asString();

        String completed = event("checkout.session.completed", paidSession("cs_test_other_amount", id, 1_00));
        assertThat(webhook(completed, signed(completed, webhookSecret, Instant.now())))
                .isEqualTo(200);

        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(eventsAbout(id)).isEmpty();
    }

    @Test
    void an_expired_session_fails_its_gift_and_its_reward_is_offered_again() {
        stubCheckoutSession("cs_test_abandoned");
        Map<String, Object> withReward = gift(50_00);
        withReward.put("rewardId", "reward-" + campaignId);
        String abandoned = give(UUID.randomUUID().toString(), withReward)
                .getBody()
                .get("id")
                .asString();
        String expired =
                event("checkout.session.expired", session("cs_test_abandoned", abandoned, 50_00, "expired", "unpaid"));

        assertThat(webhook(expired, signed(expired, webhookSecret, Instant.now())))
                .isEqualTo(200);

        assertThat(statusOf(abandoned)).isEqualTo("FAILED");
        assertThat(rewardStocks.remaining("reward-" + campaignId)).isEqualTo(10);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(eventsAbout(abandoned)).singleElement().isInstanceOf(DonationFailed.class));
    }

    @Test
    void a_direct_debit_is_confirmed_when_it_clears_whatever_order_stripe_tells_it_in() {
        stubCheckoutSession("cs_test_sepa");
        Map<String, Object> byDebit = gift(60_00);
        byDebit.put("paymentMethod", "sepa_debit");
        String id =
                give(UUID.randomUUID().toString(), byDebit).getBody().get("id").asString();
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("payment_method_types[0]", equalTo("sepa_debit")));
        // The debit clears days later; here its news comes before the one that the donor left the page.
        String cleared = event(
                "checkout.session.async_payment_succeeded", session("cs_test_sepa", id, 60_00, "complete", "paid"));
        String submitted =
                event("checkout.session.completed", session("cs_test_sepa", id, 60_00, "complete", "unpaid"));

        assertThat(webhook(cleared, signed(cleared, webhookSecret, Instant.now())))
                .isEqualTo(200);
        assertThat(webhook(submitted, signed(submitted, webhookSecret, Instant.now())))
                .isEqualTo(200);

        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id)).singleElement().isInstanceOf(DonationConfirmed.class));
    }

    @Test
    void a_gift_whose_webhook_never_came_is_confirmed_by_asking_stripe() {
        stubCheckoutSession("cs_test_webhook_lost");
        String id = give(UUID.randomUUID().toString(), gift(40_00))
                .getBody()
                .get("id")
                .asString();
        stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/cs_test_webhook_lost"))
                .willReturn(okJson(paidSession("cs_test_webhook_lost", id, 40_00))));

        await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(id).equals("CONFIRMED"));
        assertThat(getAs("/api/campaigns/" + campaignId + "/donations", organisation)
                        .getBody()
                        .toString())
                .contains("pi_cs_test_webhook_lost");
    }

    @Test
    void while_stripe_is_down_the_donor_is_asked_to_try_again_and_the_retry_pays_the_same_gift() {
        stripeIsDown();
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> down = give(key, gift(30_00));

        assertThat(down.getStatusCode().value()).isEqualTo(503);
        assertThat(down.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(down.getHeaders().getContentType().toString()).contains("application/problem+json");

        stubCheckoutSession("cs_test_after_outage");
        ResponseEntity<JsonNode> retried = give(key, gift(30_00));

        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        assertThat(retried.getBody().get("nextAction").get("url").asString()).endsWith("cs_test_after_outage");
        assertThat(getAs("/api/campaigns/" + campaignId + "/donations", organisation)
                        .getBody()
                        .get("content"))
                .hasSize(1);
    }

    @Test
    void a_gift_whose_payment_never_started_fails_after_a_while_and_its_reward_is_offered_again() {
        stripeIsDown();
        Map<String, Object> withReward = gift(50_00);
        withReward.put("rewardId", "reward-" + campaignId);
        assertThat(give(UUID.randomUUID().toString(), withReward)
                        .getStatusCode()
                        .value())
                .isEqualTo(503);
        assertThat(rewardStocks.remaining("reward-" + campaignId)).isEqualTo(9);
        String id = getAs("/api/campaigns/" + campaignId + "/donations", organisation)
                .getBody()
                .get("content")
                .get(0)
                .get("id")
                .asString();

        await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(id).equals("FAILED"));
        assertThat(rewardStocks.remaining("reward-" + campaignId)).isEqualTo(10);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id)).singleElement().isInstanceOf(DonationFailed.class));
    }

    @Test
    void when_stripe_keeps_failing_its_breaker_opens_and_donors_hear_it_at_once() {
        stripeIsDown();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(give(UUID.randomUUID().toString(), gift(30_00))
                            .getStatusCode()
                            .value())
                    .isEqualTo(503);
        }
        assertThat(breakers.of(ProviderKind.STRIPE).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsSoFar = stripe.countRequestsMatching(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                        .build())
                .getCount();

        ResponseEntity<JsonNode> answered = give(UUID.randomUUID().toString(), gift(30_00));

        assertThat(answered.getStatusCode().value()).isEqualTo(503);
        assertThat(answered.getBody().get("detail").asString()).startsWith("Stripe does not answer just now");
        assertThat(stripe.countRequestsMatching(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                                .build())
                        .getCount())
                .isEqualTo(callsSoFar);
    }

    @Test
    void a_gift_paid_after_its_all_or_nothing_campaign_missed_its_goal_is_given_back_through_stripe() {
        stubCheckoutSession("cs_test_paid_too_late");
        String id = give(UUID.randomUUID().toString(), gift(20_00))
                .getBody()
                .get("id")
                .asString();
        stubRefunds(id, "pi_cs_test_paid_too_late", 20_00);

        // The donor is still on Stripe's page when the campaign ends below its goal and its gifts are refunded.
        closeCampaign(campaignId, organisation, CampaignClosed.FAILED);
        String completed = event("checkout.session.completed", paidSession("cs_test_paid_too_late", id, 20_00));
        assertThat(webhook(completed, signed(completed, webhookSecret, Instant.now())))
                .isEqualTo(200);

        assertThat(statusOf(id)).isEqualTo("REFUNDED");
        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/refunds"))
                        .withHeader("Idempotency-Key", equalTo("tirelire-refund-" + id))
                        .withFormParam("payment_intent", equalTo("pi_cs_test_paid_too_late"))
                        .withFormParam("amount", equalTo("2000")));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .map(event -> event.getClass().getSimpleName())
                        .containsExactly("DonationConfirmed", "DonationRefunded"));
    }

    @Test
    void a_refund_goes_back_through_stripe_once() {
        stubCheckoutSession("cs_test_refunded");
        String id = give(UUID.randomUUID().toString(), gift(20_00))
                .getBody()
                .get("id")
                .asString();
        String completed = event("checkout.session.completed", paidSession("cs_test_refunded", id, 20_00));
        webhook(completed, signed(completed, webhookSecret, Instant.now()));
        stubRefunds(id, "pi_cs_test_refunded", 20_00);

        ResponseEntity<JsonNode> refunded = post("/api/donations/" + id + "/refund", organisation, Map.of());
        ResponseEntity<JsonNode> again = post("/api/donations/" + id + "/refund", organisation, Map.of());

        assertThat(refunded.getBody().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(again.getBody().get("status").asString()).isEqualTo("REFUNDED");
        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/refunds"))
                        .withHeader("Idempotency-Key", equalTo("tirelire-refund-" + id))
                        .withFormParam("payment_intent", equalTo("pi_cs_test_refunded"))
                        .withFormParam("amount", equalTo("2000")));
    }

    @Test
    void a_monthly_gift_keeps_the_card_at_its_first_checkout_and_next_month_charges_it_off_session_once() {
        stubCheckoutSession("cs_test_monthly");
        Map<String, Object> monthly = gift(15_00);
        monthly.put("frequency", "MONTHLY");
        JsonNode given = give(UUID.randomUUID().toString(), monthly).getBody();
        String first = given.get("id").asString();
        String subscription = given.get("subscriptionId").asString();
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("customer_creation", equalTo("always"))
                .withFormParam("payment_intent_data[setup_future_usage]", equalTo("off_session")));
        String completed = event("checkout.session.completed", paidSession("cs_test_monthly", first, 15_00));
        assertThat(webhook(completed, signed(completed, webhookSecret, clock.instant())))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> mandateOf(subscription) != null);
        stubSavedCard("pi_cs_test_monthly");
        stubOffSessionCharges("succeeded");

        clock.advance(Duration.ofDays(31));
        recurringCharges.chargeDue();
        recurringCharges.chargeDue();

        String second = chargesOf(subscription).get(1);
        assertThat(statusOf(second)).isEqualTo("CONFIRMED");
        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo("tirelire-charge-" + second))
                        .withFormParam("amount", equalTo("1500"))
                        .withFormParam("currency", equalTo("eur"))
                        .withFormParam("customer", equalTo("cus_test_ada"))
                        .withFormParam("payment_method", equalTo("pm_test_card_ada"))
                        .withFormParam("off_session", equalTo("true"))
                        .withFormParam("confirm", equalTo("true"))
                        .withFormParam("metadata[donation_id]", equalTo(second)));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(second))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                DonationConfirmed.class,
                                confirmed -> assertThat(confirmed.amount()).isEqualTo(Money.of(15_00, "EUR"))));

        // Stripe's own event about the same charge changes nothing more.
        String succeeded = event("payment_intent.succeeded", paymentIntent("pi_charge_" + second, second, "succeeded"));
        assertThat(webhook(succeeded, signed(succeeded, webhookSecret, clock.instant())))
                .isEqualTo(200);
        assertThat(eventsAbout(second)).hasSize(1);
    }

    @Test
    void a_monthly_direct_debit_is_confirmed_when_stripe_says_it_cleared_and_a_refused_one_is_retried() {
        stubCheckoutSession("cs_test_monthly_sepa");
        Map<String, Object> monthly = gift(30_00);
        monthly.put("frequency", "MONTHLY");
        monthly.put("paymentMethod", "sepa_debit");
        JsonNode given = give(UUID.randomUUID().toString(), monthly).getBody();
        String subscription = given.get("subscriptionId").asString();
        String completed = event(
                "checkout.session.completed",
                paidSession("cs_test_monthly_sepa", given.get("id").asString(), 30_00));
        webhook(completed, signed(completed, webhookSecret, clock.instant()));
        await().atMost(Duration.ofSeconds(10)).until(() -> mandateOf(subscription) != null);
        stubSavedCard("pi_cs_test_monthly_sepa");
        stubOffSessionCharges("processing");

        clock.advance(Duration.ofDays(31));
        recurringCharges.chargeDue();
        String cleared = chargesOf(subscription).get(1);
        assertThat(statusOf(cleared)).as("a debit settles days later").isEqualTo("PENDING");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("payment_method_types[0]", equalTo("sepa_debit")));
        String succeeded =
                event("payment_intent.succeeded", paymentIntent("pi_charge_" + cleared, cleared, "succeeded"));
        assertThat(webhook(succeeded, signed(succeeded, webhookSecret, clock.instant())))
                .isEqualTo(200);
        assertThat(statusOf(cleared)).isEqualTo("CONFIRMED");

        clock.advance(Duration.ofDays(31));
        recurringCharges.chargeDue();
        String refused = chargesOf(subscription).get(2);
        String failed = event(
                "payment_intent.payment_failed",
                paymentIntent("pi_charge_" + refused, refused, "requires_payment_method"));
        assertThat(webhook(failed, signed(failed, webhookSecret, clock.instant())))
                .isEqualTo(200);

        assertThat(statusOf(refused)).isEqualTo("FAILED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mongo.getCollection("subscriptions")
                                .find(new Document("_id", subscription))
                                .first()
                                .get("retryAt"))
                        .as("the refused debit is tried again on day 3")
                        .isNotNull());
    }

    @Test
    void a_card_the_bank_declines_off_session_fails_its_charge_and_the_donor_is_told() {
        stubCheckoutSession("cs_test_monthly_declined");
        Map<String, Object> monthly = gift(20_00);
        monthly.put("frequency", "MONTHLY");
        JsonNode given = give(UUID.randomUUID().toString(), monthly).getBody();
        String subscription = given.get("subscriptionId").asString();
        String completed = event(
                "checkout.session.completed",
                paidSession("cs_test_monthly_declined", given.get("id").asString(), 20_00));
        webhook(completed, signed(completed, webhookSecret, clock.instant()));
        await().atMost(Duration.ofSeconds(10)).until(() -> mandateOf(subscription) != null);
        stubSavedCard("pi_cs_test_monthly_declined");
        // Stripe's answer to an off-session payment the bank wants the cardholder to authenticate.
        stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"type": "card_error", "code": "authentication_required",
                                  "decline_code": "authentication_required",
                                  "message": "Your card was declined. This transaction requires authentication.",
                                  "payment_intent": {"id": "pi_declined", "object": "payment_intent",
                                    "status": "requires_payment_method", "amount": 2000, "currency": "eur"}}}
                                """)));

        clock.advance(Duration.ofDays(31));
        recurringCharges.chargeDue();

        String declined = chargesOf(subscription).get(1);
        assertThat(statusOf(declined)).isEqualTo("FAILED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(subscription))
                        .anySatisfy(told -> assertThat(told)
                                .isInstanceOfSatisfying(
                                        org.tirelire.contracts.events.SubscriptionChargeFailed.class,
                                        failed -> assertThat(failed.retryAt()).isNotNull())));
    }

    @Test
    void a_donor_gives_a_new_card_on_stripe_s_page_and_the_next_charge_is_taken_with_it() {
        stubCheckoutSession("cs_test_monthly_new_card");
        Map<String, Object> monthly = gift(25_00);
        monthly.put("frequency", "MONTHLY");
        JsonNode given = give(UUID.randomUUID().toString(), monthly).getBody();
        String subscription = given.get("subscriptionId").asString();
        String manageUrl = given.get("manageUrl").asString();
        String token = manageUrl.substring(manageUrl.indexOf("token=") + "token=".length());
        String completed = event(
                "checkout.session.completed",
                paidSession("cs_test_monthly_new_card", given.get("id").asString(), 25_00));
        webhook(completed, signed(completed, webhookSecret, clock.instant()));
        await().atMost(Duration.ofSeconds(10)).until(() -> mandateOf(subscription) != null);
        stubSavedCard("pi_cs_test_monthly_new_card");
        stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("mode", equalTo("setup"))
                .atPriority(1)
                .willReturn(okJson("""
                        {"id": "cs_test_setup", "object": "checkout.session", "livemode": false, "mode": "setup",
                         "status": "open", "customer": "cus_test_ada", "setup_intent": "seti_test_new",
                         "url": "https://checkout.stripe.com/c/pay/cs_test_setup"}
                        """)));

        JsonNode started = http.post()
                .uri("/api/subscriptions/" + subscription + "/payment-method?token=" + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("paymentMethod", "card"))
                .retrieve()
                .toEntity(JsonNode.class)
                .getBody();

        assertThat(started.get("redirect").asString()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_setup");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withFormParam("mode", equalTo("setup"))
                .withFormParam("customer", equalTo("cus_test_ada"))
                .withFormParam("metadata[subscription_id]", equalTo(subscription))
                // back to the donor's page, through a link signed afresh
                .withFormParam(
                        "success_url",
                        WireMock.matching(java.util.regex.Pattern.quote(
                                        manageUrl.substring(0, manageUrl.indexOf("token=") + "token=".length()))
                                + "[0-9]+\\.[0-9a-f]+")));
        String setUp = event(
                "checkout.session.completed",
                json.writeValueAsString(Map.of(
                        "id", "cs_test_setup",
                        "object", "checkout.session",
                        "livemode", false,
                        "mode", "setup",
                        "status", "complete",
                        "customer", "cus_test_ada",
                        "setup_intent", "seti_test_new",
                        "metadata", Map.of("subscription_id", subscription, "payment_method", "card"))));
        assertThat(webhook(setUp, signed(setUp, "whsec_someone_else", clock.instant())))
                .as("a forged set-up changes nothing")
                .isEqualTo(400);
        assertThat(mandateOf(subscription)).isEqualTo("pi_cs_test_monthly_new_card");
        assertThat(webhook(setUp, signed(setUp, webhookSecret, clock.instant())))
                .isEqualTo(200);
        assertThat(mandateOf(subscription)).isEqualTo("seti_test_new");

        stripe.stubFor(
                WireMock.get(urlPathEqualTo("/v1/setup_intents/seti_test_new")).willReturn(okJson("""
                        {"id": "seti_test_new", "object": "setup_intent", "status": "succeeded", "usage": "off_session",
                         "customer": "cus_test_ada", "payment_method": "pm_test_card_new", "livemode": false,
                         "metadata": {}}
                        """)));
        stubOffSessionCharges("succeeded");
        clock.advance(Duration.ofDays(31));
        recurringCharges.chargeDue();

        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("customer", equalTo("cus_test_ada"))
                .withFormParam("payment_method", equalTo("pm_test_card_new")));
        assertThat(statusOf(chargesOf(subscription).get(1))).isEqualTo("CONFIRMED");
    }

    @org.junit.jupiter.api.AfterEach
    void putTheClockBack() {
        clock.resetTo(Duration.ZERO);
    }

    /** The first charge's PaymentIntent, as Stripe shows it once paid: its Customer keeps the donor's method. */
    private static void stubSavedCard(String firstPaymentIntent) {
        stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/payment_intents/" + firstPaymentIntent))
                .willReturn(okJson("""
                        {"id": "%s", "object": "payment_intent", "status": "succeeded", "amount": 1500,
                         "amount_received": 1500, "currency": "eur", "customer": "cus_test_ada",
                         "payment_method": "pm_test_card_ada", "setup_future_usage": "off_session",
                         "livemode": false, "metadata": {}}
                        """.formatted(firstPaymentIntent))));
    }

    /** Stripe's answer to an off-session PaymentIntent: the charge with the status given (card or debit). */
    private static void stubOffSessionCharges(String status) {
        stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {{formData request.body 'form' urlDecode=true}}{
                                  "id": "pi_charge_{{lookup form 'metadata[donation_id]'}}",
                                  "object": "payment_intent", "livemode": false, "status": "%s",
                                  "amount": {{form.amount}},
                                  "amount_received": %s,
                                  "currency": "{{form.currency}}", "customer": "{{form.customer}}",
                                  "payment_method": "{{form.payment_method}}",
                                  "metadata": {"donation_id": "{{lookup form 'metadata[donation_id]'}}"}
                                }
                                """.formatted(status, "succeeded".equals(status) ? "{{form.amount}}" : "0"))));
    }

    private String paymentIntent(String id, String donationId, String status) {
        Donation charge = donations.findById(donationId).orElseThrow();
        Map<String, Object> intent = new HashMap<>();
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("livemode", false);
        intent.put("status", status);
        intent.put("amount", charge.amount().amount());
        intent.put(
                "amount_received", "succeeded".equals(status) ? charge.amount().amount() : 0);
        intent.put("currency", "eur");
        intent.put("customer", "cus_test_ada");
        intent.put("metadata", Map.of("donation_id", donationId));
        if (!"succeeded".equals(status)) {
            intent.put(
                    "last_payment_error",
                    Map.of(
                            "type",
                            "card_error",
                            "code",
                            "payment_method_not_available",
                            "message",
                            "The bank account has insufficient funds."));
        }
        return json.writeValueAsString(intent);
    }

    private Object mandateOf(String subscription) {
        Document found = mongo.getCollection("subscriptions")
                .find(new Document("_id", subscription))
                .first();
        return found == null ? null : found.get("mandate");
    }

    private List<String> chargesOf(String subscription) {
        return mongo.getCollection("subscriptions")
                .find(new Document("_id", subscription))
                .first()
                .getList("charges", String.class);
    }

    /** Stripe's answer to a refund of the gift's whole payment. */
    private static void stubRefunds(String donationId, String paymentIntent, long amount) {
        stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/refunds"))
                .willReturn(okJson("""
                        {"id": "re_test_1", "object": "refund", "amount": %d, "currency": "eur",
                         "payment_intent": "%s", "status": "succeeded",
                         "metadata": {"donation_id": "%s"}}
                        """.formatted(amount, paymentIntent, donationId))));
    }

    /** Stripe answering every new session with an error of its own, and telling clients not to retry. */
    private static void stripeIsDown() {
        stripe.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Stripe-Should-Retry", "false")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong.\"}}")));
    }

    private PaymentAccountRequest stripeAccount() {
        return new PaymentAccountRequest(ProviderKind.STRIPE, secretKey, webhookSecret, null, null, null, "pw");
    }

    /** Stripe's answer to the next Checkout Session created: open, with the page to send the donor to. */
    private static void stubCheckoutSession(String sessionId) {
        MappingBuilder create = WireMock.post(urlPathEqualTo("/v1/checkout/sessions"));
        stripe.stubFor(create.willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {{formData request.body 'form' urlDecode=true}}{
                          "id": "%s", "object": "checkout.session", "livemode": false, "mode": "payment",
                          "status": "open", "payment_status": "unpaid", "payment_intent": null,
                          "amount_total": {{lookup form 'line_items[0][price_data][unit_amount]'}},
                          "currency": "{{lookup form 'line_items[0][price_data][currency]'}}",
                          "client_reference_id": "{{form.client_reference_id}}",
                          "metadata": {"donation_id": "{{form.client_reference_id}}"},
                          "success_url": "{{form.success_url}}", "cancel_url": "{{form.cancel_url}}",
                          "url": "https://checkout.stripe.com/c/pay/%s"
                        }
                        """.formatted(sessionId, sessionId))));
    }

    private static String paidSession(String sessionId, String donationId, long amount) {
        return session(sessionId, donationId, amount, "complete", "paid");
    }

    /** A Checkout Session as Stripe's API reference shows it; complete ones name their PaymentIntent. */
    private static String session(
            String sessionId, String donationId, long amount, String status, String paymentStatus) {
        Map<String, Object> session = new HashMap<>();
        session.put("id", sessionId);
        session.put("object", "checkout.session");
        session.put("livemode", false);
        session.put("mode", "payment");
        session.put("status", status);
        session.put("payment_status", paymentStatus);
        session.put("payment_intent", "complete".equals(status) ? "pi_" + sessionId : null);
        session.put("amount_total", amount);
        session.put("currency", "eur");
        session.put("client_reference_id", donationId);
        session.put("metadata", Map.of("donation_id", donationId));
        session.put("url", null);
        return json.writeValueAsString(session);
    }

    private static String event(String type, String sessionJson) {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"api_version\":\"" + Stripe.API_VERSION + "\",\"created\":"
                + Instant.now().getEpochSecond()
                + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type + "\","
                + "\"data\":{\"object\":" + sessionJson + "}}";
    }

    /** The {@code Stripe-Signature} header as Stripe computes it: HMAC-SHA256 of "timestamp.payload". */
    private static String signed(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signedPayload = at.getEpochSecond() + "." + payload;
            return "t=" + at.getEpochSecond() + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int webhook(String payload, String signature) {
        return http.post()
                .uri("/api/payments/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (signature != null) {
                        headers.add("Stripe-Signature", signature);
                    }
                })
                .body(payload.getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private String statusOf(String donationId) {
        return get("/api/donations/" + donationId).getBody().get("status").asString();
    }

    private Map<String, Object> gift(long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("amount", Map.of("amount", amount, "currency", "EUR"));
        body.put("donor", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org"));
        body.put("paymentMethod", "card");
        return body;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private Organiser treasurer() {
        return new Organiser("account-tresoriere", organisation, "", "tresoriere@example.org", OrganisationRole.ADMIN);
    }
}
