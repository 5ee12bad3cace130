package org.tirelire.donation.payment.helloasso;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.PaymentOutcome;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentRefused;
import org.tirelire.donation.payment.PaymentRequest;
import org.tirelire.donation.payment.ProviderKind;
import tools.jackson.databind.JsonNode;

/**
 * Gifts paid on HelloAsso Checkout, for one organisation: a checkout intent, the donor sent to HelloAsso's
 * page and back to the gift's page. What HelloAsso says of a payment is always read again from its API,
 * never taken from a notification's body.
 */
final class HelloAssoCheckout implements PaymentProvider {

    static final String CARD = "card";
    static final String DONATION_ID = "donationId";
    private static final String AUTHORIZED = "Authorized";

    private final HelloAssoApi api;

    HelloAssoCheckout(HelloAssoApi api) {
        this.api = api;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.HELLOASSO;
    }

    @Override
    public Set<String> paymentMethods() {
        return Set.of(CARD);
    }

    @Override
    public PaymentStart start(PaymentRequest request) {
        if (!"EUR".equals(request.amount().currency())) {
            return new PaymentStart.Declined("HelloAsso takes gifts in euros only");
        }
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("totalAmount", request.amount().amount());
        intent.put("initialAmount", request.amount().amount());
        intent.put("itemName", request.description());
        intent.put("backUrl", request.returnUrl().toString());
        intent.put("errorUrl", request.returnUrl().toString());
        intent.put("returnUrl", request.returnUrl().toString());
        intent.put("containsDonation", true);
        if (request.payer() != null) {
            intent.put(
                    "payer",
                    Map.of(
                            "firstName", request.payer().firstName(),
                            "lastName", request.payer().lastName(),
                            "email", request.payer().email()));
        }
        intent.put("metadata", Map.of(DONATION_ID, request.donationId().value()));
        try {
            JsonNode created = api.createCheckoutIntent(intent);
            return new PaymentStart.Accepted(
                    created.path("id").asString(),
                    URI.create(created.path("redirectUrl").asString()));
        } catch (HelloAssoApi.Refused refused) {
            return new PaymentStart.Declined(refused.getMessage());
        }
    }

    @Override
    public void refund(DonationId donationId, String paymentReference, Money amount) {
        try {
            api.refund(paymentReference, amount.amount());
        } catch (HelloAssoApi.Refused refused) {
            throw new PaymentRefused(refused.getMessage());
        }
    }

    /** The checkout intent as HelloAsso has it now: its order once paid, nothing before. */
    @Override
    public Optional<PaymentOutcome> followUp(DonationId donationId, String paymentReference) {
        try {
            return outcomeOf("reconciliation-" + paymentReference, api.checkoutIntent(paymentReference), donationId);
        } catch (HelloAssoApi.Refused refused) {
            throw new PaymentRefused(refused.getMessage());
        }
    }

    /**
     * A checkout intent read from HelloAsso: paid when its order has an authorised payment, whose amount
     * is then checked against the gift; nothing to say before.
     */
    static Optional<PaymentOutcome> outcomeOf(String eventId, JsonNode intent, DonationId donationId) {
        for (JsonNode payment : intent.path("order").path("payments")) {
            if (AUTHORIZED.equals(payment.path("state").asString())) {
                return Optional.of(PaymentOutcome.succeeded(
                        eventId,
                        donationId,
                        payment.path("id").asString(),
                        Money.of(payment.path("amount").asLong(), "EUR")));
            }
        }
        return Optional.empty();
    }
}
