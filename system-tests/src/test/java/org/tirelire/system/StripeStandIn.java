package org.tirelire.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe, as the platform under test meets it: its API (a key check, Checkout Sessions) answering with the
 * objects of Stripe's API reference, and a stand-in for its hosted payment page, which a browser reaches.
 * One for the whole run; the shared platform's donation-service is pointed at it.
 */
final class StripeStandIn {

    private static final WireMockServer server = started();

    private StripeStandIn() {}

    static String apiBase() {
        return server.baseUrl();
    }

    /** What Stripe's page would do once the donor paid: its signed {@code checkout.session.completed}. */
    static String completedEvent(String sessionId, String donationId, long amount) {
        return "{\"id\":\"evt_" + sessionId + "\",\"object\":\"event\",\"api_version\":\""
                + com.stripe.Stripe.API_VERSION
                + "\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"checkout.session.completed\","
                + "\"data\":{\"object\":{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\","
                + "\"mode\":\"payment\",\"status\":\"complete\",\"payment_status\":\"paid\","
                + "\"payment_intent\":\"pi_" + donationId + "\",\"amount_total\":" + amount + ",\"currency\":\"eur\","
                + "\"client_reference_id\":\"" + donationId + "\",\"metadata\":{\"donation_id\":\"" + donationId
                + "\"}}}}";
    }

    /** The {@code Stripe-Signature} header Stripe sends: HMAC-SHA256 of "timestamp.payload" with the secret. */
    static String signature(String payload, String webhookSecret) {
        try {
            long now = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + now + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((now + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer started() {
        WireMockServer stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        stripe.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(json("""
                        {"object": "balance", "livemode": false,
                         "available": [{"amount": 0, "currency": "eur", "source_types": {"card": 0}}],
                         "pending": [{"amount": 0, "currency": "eur", "source_types": {"card": 0}}]}
                        """)));
        // A session per gift, named after it; its page is the stand-in below, on this same server.
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .willReturn(json("""
                                {{formData request.body 'form' urlDecode=true}}{
                                  "id": "cs_test_{{form.client_reference_id}}", "object": "checkout.session",
                                  "livemode": false, "mode": "payment", "status": "open",
                                  "payment_status": "unpaid", "payment_intent": null,
                                  "amount_total": {{lookup form 'line_items[0][price_data][unit_amount]'}},
                                  "currency": "{{lookup form 'line_items[0][price_data][currency]'}}",
                                  "client_reference_id": "{{form.client_reference_id}}",
                                  "metadata": {"donation_id": "{{form.client_reference_id}}"},
                                  "success_url": "{{form.success_url}}",
                                  "url": "%s/c/pay/cs_test_{{form.client_reference_id}}"
                                }
                                """.formatted(stripe.baseUrl())).withTransformers("response-template")));
        stripe.stubFor(get(urlPathMatching("/c/pay/.*"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<!DOCTYPE html><html lang=\"en\"><title>Stripe Checkout</title>"
                                + "<h1>Stripe Checkout</h1><p>Pay with card</p></html>")));
        return stripe;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
