package org.tirelire.donation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.account.PaymentAccountRequest;
import org.tirelire.donation.payment.account.PaymentAccountSettings;
import org.tirelire.donation.payment.account.PaymentAccountView;
import org.tirelire.kit.security.Organiser;
import tools.jackson.databind.JsonNode;

/**
 * An association collects through its own HelloAsso account: its API client checked, gifts paid on a
 * HelloAsso Checkout page, confirmed only by what HelloAsso's API says when a notification names the gift,
 * refunded through HelloAsso. HelloAsso's API v5 is played by WireMock, with the answers of its reference.
 */
class HelloAssoPaymentsTest extends DonationServiceTest {

    private static final String SLUG = "les-amis-de-la-peniche";
    private static final String CHECKOUT_PAGE =
            "https://www.helloasso.com/associations/les-amis-de-la-peniche/checkout/8a3f";

    private final String clientId = "client-" + UUID.randomUUID();
    private final String clientSecret = "secret-" + UUID.randomUUID();
    private final String organisation = "org-" + UUID.randomUUID();
    private final String campaignId = "camp-" + UUID.randomUUID();

    @Autowired
    PaymentAccountSettings paymentAccounts;

    @BeforeEach
    void anAssociationCollectingOnHelloAsso() {
        helloAsso.resetAll();
        helloAsso.stubFor(WireMock.post(urlPathEqualTo("/oauth2/token"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo(clientId))
                .withFormParam("client_secret", equalTo(clientSecret))
                .willReturn(json("""
                        {"access_token": "token-of-the-client", "token_type": "bearer", "expires_in": 1800,
                         "refresh_token": "refresh-of-the-client"}
                        """)));
        helloAsso.stubFor(WireMock.get(urlPathEqualTo("/v5/organizations/" + SLUG))
                .withHeader("Authorization", equalTo("Bearer token-of-the-client"))
                .willReturn(json("""
                        {"name": "Les amis de la péniche", "organizationSlug": "les-amis-de-la-peniche",
                         "type": "Association1901", "fiscalReceiptEligibility": true}
                        """)));
        PaymentAccountView connected = paymentAccounts.connect(
                treasurer(),
                new PaymentAccountRequest(ProviderKind.HELLOASSO, null, null, clientId, clientSecret, SLUG, "pw"));
        assertThat(connected.status()).isEqualTo("CONNECTED");
        publishCampaign(
                campaignId,
                organisation,
                new CampaignPublished.RewardOffered("reward-" + campaignId, "Visite", Money.of(50_00, "EUR"), 10));
    }

    @Test
    void a_client_helloasso_refuses_is_not_kept() {
        helloAsso.stubFor(WireMock.post(urlPathEqualTo("/oauth2/token"))
                .withFormParam("client_secret", equalTo("a-wrong-secret"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"unauthorized_client\", \"error_description\": \"Invalid client\"}")));

        PaymentAccountView refused = paymentAccounts.connect(
                treasurer(),
                new PaymentAccountRequest(ProviderKind.HELLOASSO, null, null, clientId, "a-wrong-secret", SLUG, "pw"));

        assertThat(refused.status()).isEqualTo("INVALID");
        assertThat(refused.detail()).contains("HelloAsso refused this client id and secret");
        assertThat(paymentAccounts.current(organisation).keyHint())
                .isEqualTo("…" + clientSecret.substring(clientSecret.length() - 4));
    }

    @Test
    void a_gift_is_paid_on_helloasso_checkout_and_confirmed_by_what_its_api_says() {
        helloAsso.stubFor(WireMock.post(urlPathEqualTo("/v5/organizations/" + SLUG + "/checkout-intents"))
                .withHeader("Authorization", equalTo("Bearer token-of-the-client"))
                .willReturn(json("{\"id\": 80021, \"redirectUrl\": \"" + CHECKOUT_PAGE + "\"}")));

        ResponseEntity<JsonNode> created = give(UUID.randomUUID().toString(), gift(35_00));

        assertThat(created.getStatusCode().value())
                .as(created.getBody().toString())
                .isEqualTo(201);
        String id = created.getBody().get("id").asString();
        assertThat(created.getBody().get("nextAction").get("url").asString()).isEqualTo(CHECKOUT_PAGE);
        helloAsso.verify(postRequestedFor(urlPathEqualTo("/v5/organizations/" + SLUG + "/checkout-intents"))
                .withRequestBody(equalToJson("""
                        {"totalAmount": 3500, "initialAmount": 3500, "containsDonation": true,
                         "itemName": "Don à « Péniche »", "metadata": {"donationId": "%s"},
                         "payer": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.org"}}
                        """.formatted(id), true, true)));

        // Anyone may post to the notification address: what the body claims is never believed.
        helloAsso.stubFor(WireMock.get(urlPathEqualTo("/v5/organizations/" + SLUG + "/checkout-intents/80021"))
                .willReturn(json("{\"id\": 80021, \"redirectUrl\": \"" + CHECKOUT_PAGE
                        + "\", \"metadata\": {\"donationId\": \"" + id + "\"}}")));
        assertThat(notify(notification(id, 35_00))).isEqualTo(200);
        assertThat(statusOf(id)).isEqualTo("PENDING");

        helloAsso.stubFor(WireMock.get(urlPathEqualTo("/v5/organizations/" + SLUG + "/checkout-intents/80021"))
                .willReturn(json(paidIntent(id, 35_00))));
        assertThat(notify(notification(id, 35_00))).isEqualTo(200);

        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsAbout(id))
                        .singleElement()
                        .isInstanceOfSatisfying(
                                DonationConfirmed.class,
                                confirmed -> assertThat(confirmed.amount()).isEqualTo(Money.of(35_00, "EUR"))));
        helloAsso.verify(getRequestedFor(urlPathEqualTo("/v5/organizations/" + SLUG + "/checkout-intents/80021"))
                .withHeader("Authorization", equalTo("Bearer token-of-the-client")));
    }

    @Test
    void a_refund_goes_back_through_helloasso() {
        helloAsso.stubFor(WireMock.post(urlPathEqualTo("/v5/organizations/" + SLUG + "/checkout-intents"))
                .willReturn(json("{\"id\": 80022, \"redirectUrl\": \"" + CHECKOUT_PAGE + "\"}")));
        String id = give(UUID.randomUUID().toString(), gift(15_00))
                .getBody()
                .get("id")
                .asString();
        helloAsso.stubFor(WireMock.get(urlPathEqualTo("/v5/organizations/" + SLUG + "/checkout-intents/80022"))
                .willReturn(json(paidIntent(id, 15_00))));
        notify(notification(id, 15_00));
        helloAsso.stubFor(WireMock.post(urlPathEqualTo("/v5/payments/9100/refund"))
                .willReturn(json("{\"id\": 9100, \"amount\": 1500, \"state\": \"Refunded\"}")));

        ResponseEntity<JsonNode> refunded = post("/api/donations/" + id + "/refund", organisation, Map.of());

        assertThat(refunded.getBody().get("status").asString()).isEqualTo("REFUNDED");
        helloAsso.verify(postRequestedFor(urlPathEqualTo("/v5/payments/9100/refund"))
                .withQueryParam("amount", equalTo("1500"))
                .withHeader("Authorization", equalTo("Bearer token-of-the-client")));
    }

    /** A checkout intent once paid, as {@code GET .../checkout-intents/{id}} returns it: with its order. */
    private static String paidIntent(String donationId, long amount) {
        return """
                {"id": 80021, "redirectUrl": "%s", "metadata": {"donationId": "%s"},
                 "order": {"id": 7001, "date": "2026-11-30T10:00:00+01:00", "formSlug": "default",
                           "formType": "Checkout", "organizationSlug": "les-amis-de-la-peniche",
                           "amount": {"total": %d, "vat": 0, "discount": 0},
                           "payments": [{"id": 9100, "amount": %d, "state": "Authorized",
                                         "paymentMeans": "Card", "date": "2026-11-30T10:00:00+01:00"}]}}
                """.formatted(CHECKOUT_PAGE, donationId, amount, amount);
    }

    /** The notification HelloAsso posts after a checkout payment: the order, and the intent's metadata. */
    private static String notification(String donationId, long amount) {
        return """
                {"eventType": "Order",
                 "data": {"id": 7001, "amount": {"total": %d},
                          "payments": [{"id": 9100, "amount": %d, "state": "Authorized"}]},
                 "metadata": {"donationId": "%s"}}
                """.formatted(amount, amount, donationId);
    }

    private int notify(String body) {
        return http.post()
                .uri("/api/payments/webhooks/helloasso")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
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

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private Organiser treasurer() {
        return new Organiser("account-tresoriere", organisation, "", "tresoriere@example.org", OrganisationRole.ADMIN);
    }
}
