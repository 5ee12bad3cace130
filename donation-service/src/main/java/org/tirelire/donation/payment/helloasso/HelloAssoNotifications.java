package org.tirelire.donation.payment.helloasso;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.donation.payment.GiftPayments;
import org.tirelire.donation.payment.GiftPayments.GiftPayment;
import org.tirelire.donation.payment.InvalidWebhook;
import org.tirelire.donation.payment.PaymentOutcome;
import org.tirelire.donation.payment.PaymentWebhooks;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.account.CredentialStore;
import org.tirelire.donation.payment.account.Credentials;
import org.tirelire.donation.payment.account.PaymentAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HelloAsso's notifications, at {@code POST /api/payments/webhooks/helloasso} (the address an organisation
 * gives in its HelloAsso back office). They are not signed for ordinary accounts, so their body is only a
 * hint of which gift to look at: the gift's checkout intent is read again from HelloAsso's API, with the
 * organisation's own client, and only what the API says can confirm a gift.
 */
@Component
class HelloAssoNotifications implements PaymentWebhooks {

    private final GiftPayments gifts;
    private final PaymentAccounts accounts;
    private final CredentialStore credentials;
    private final HelloAssoAdapter adapter;
    private final JsonMapper json;

    HelloAssoNotifications(
            GiftPayments gifts,
            PaymentAccounts accounts,
            CredentialStore credentials,
            HelloAssoAdapter adapter,
            JsonMapper json) {
        this.gifts = gifts;
        this.accounts = accounts;
        this.credentials = credentials;
        this.adapter = adapter;
        this.json = json;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.HELLOASSO;
    }

    @Override
    public Optional<PaymentOutcome> receive(byte[] body, HttpHeaders headers) {
        DonationId donationId = donationNamedIn(body);
        if (donationId == null) {
            return Optional.empty(); // a notification about another of the organisation's forms
        }
        Optional<GiftPayment> gift = gifts.find(donationId);
        if (gift.isEmpty()) {
            return Optional.empty();
        }
        Credentials.HelloAsso client = accounts.findById(gift.get().organisationId())
                .filter(account -> account.provider() == ProviderKind.HELLOASSO)
                .map(credentials::open)
                .map(Credentials.HelloAsso.class::cast)
                .orElseThrow(() -> new InvalidWebhook("The gift's organisation has no HelloAsso account connected"));
        String intentId = gift.get().paymentReference();
        if (!intentId.chars().allMatch(Character::isDigit)) {
            return Optional.empty(); // confirmed already: the reference is the payment's now
        }
        try {
            return HelloAssoCheckout.outcomeOf(
                    "helloasso-" + intentId, adapter.api(client).checkoutIntent(intentId), donationId);
        } catch (HelloAssoApi.Refused refused) {
            throw new InvalidWebhook("HelloAsso does not know this gift's checkout: " + refused.getMessage());
        }
    }

    private @Nullable DonationId donationNamedIn(byte[] body) {
        JsonNode notification;
        try {
            notification = json.readTree(body);
        } catch (RuntimeException notJson) {
            throw new InvalidWebhook("The body is not a HelloAsso notification");
        }
        String id = notification
                .path("metadata")
                .path(HelloAssoCheckout.DONATION_ID)
                .asString(null);
        return id == null || id.isBlank() ? null : DonationId.of(id);
    }
}
