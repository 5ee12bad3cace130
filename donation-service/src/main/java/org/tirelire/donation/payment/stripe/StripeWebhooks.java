package org.tirelire.donation.payment.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.tirelire.donation.payment.SavedMethodChanges;
import org.tirelire.donation.payment.account.CredentialStore;
import org.tirelire.donation.payment.account.Credentials;
import org.tirelire.donation.payment.account.PaymentAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks, at {@code POST /api/payments/webhooks/stripe}: each organisation registers this one
 * address in its own Stripe account, with its own signing secret. The event names its gift (the Checkout
 * Session's metadata); the gift names its organisation, whose secret must verify the signature, through
 * stripe-java's own check, before anything in the event is believed.
 */
@Component
class StripeWebhooks implements PaymentWebhooks {

    static final String SIGNATURE_HEADER = "Stripe-Signature";

    private final GiftPayments gifts;
    private final SavedMethodChanges savedMethods;
    private final PaymentAccounts accounts;
    private final CredentialStore credentials;
    private final StripeProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    StripeWebhooks(
            GiftPayments gifts,
            SavedMethodChanges savedMethods,
            PaymentAccounts accounts,
            CredentialStore credentials,
            StripeProperties properties,
            JsonMapper json,
            Clock clock) {
        this.gifts = gifts;
        this.savedMethods = savedMethods;
        this.accounts = accounts;
        this.credentials = credentials;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.STRIPE;
    }

    @Override
    public Optional<PaymentOutcome> receive(byte[] body, HttpHeaders headers) {
        String payload = new String(body, StandardCharsets.UTF_8);
        JsonNode named = objectIn(payload);
        String subscriptionId =
                named.path("metadata").path(StripeCheckout.SUBSCRIPTION_ID).asString(null);
        if ("setup".equals(named.path("mode").asString(null)) && subscriptionId != null) {
            newMethodSaved(payload, headers, subscriptionId);
            return Optional.empty(); // a method saved is no payment
        }
        DonationId donationId = donationNamedIn(named);
        if (donationId == null) {
            return Optional.empty(); // an event about something else of the account: nothing of ours
        }
        GiftPayment gift = gifts.find(donationId)
                .orElseThrow(() -> new InvalidWebhook("No gift " + donationId + " awaits a Stripe payment"));
        Event event = verified(payload, headers.getFirst(SIGNATURE_HEADER), secretOf(gift.organisationId()));
        StripeObject object = objectOf(event);
        if (object instanceof PaymentIntent charge) {
            return repeatChargeOutcome(event, charge, gift);
        }
        if (!(object instanceof Session session) || !belongsTo(session, gift)) {
            throw new InvalidWebhook("This Checkout Session is not the one of gift " + donationId);
        }
        return switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.expired" ->
                StripeSessions.outcomeOf(event.getId(), session, donationId);
            case "checkout.session.async_payment_failed" ->
                StripeSessions.asyncPaymentFailed(event.getId(), session, donationId);
            default -> Optional.empty();
        };
    }

    /**
     * A recurring gift's repeat charge is a PaymentIntent of its own, settled by its events. The intent
     * behind a Checkout Session says nothing its session's events do not: ignored.
     */
    private static Optional<PaymentOutcome> repeatChargeOutcome(Event event, PaymentIntent charge, GiftPayment gift) {
        if (!charge.getId().equals(gift.paymentReference())) {
            return Optional.empty();
        }
        return switch (event.getType()) {
            case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled" ->
                StripeSessions.outcomeOf(event.getId(), charge, gift.donationId());
            default -> Optional.empty();
        };
    }

    private Event verified(String payload, @Nullable String signature, String secret) {
        if (signature == null) {
            throw new InvalidWebhook("Stripe signs its webhooks: no " + SIGNATURE_HEADER + " header");
        }
        try {
            return Webhook.constructEvent(
                    payload, signature, secret, properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException forgedOrStale) {
            throw new InvalidWebhook("The Stripe signature does not verify: " + forgedOrStale.getMessage());
        }
    }

    /**
     * A donor gave a new method for their recurring gift on a setup-mode Checkout Session: once Stripe's
     * signature verifies with the gift's organisation's secret, the next charges use the SetupIntent's method.
     */
    private void newMethodSaved(String payload, HttpHeaders headers, String subscriptionId) {
        String organisationId = savedMethods
                .organisationOf(subscriptionId)
                .orElseThrow(() -> new InvalidWebhook("No recurring gift " + subscriptionId));
        Event event = verified(payload, headers.getFirst(SIGNATURE_HEADER), secretOf(organisationId));
        if (!"checkout.session.completed".equals(event.getType())
                || !(objectOf(event) instanceof Session session)
                || !"complete".equals(session.getStatus())
                || session.getSetupIntent() == null) {
            return;
        }
        String method =
                session.getMetadata() == null ? null : session.getMetadata().get(StripeCheckout.PAYMENT_METHOD);
        savedMethods.methodSaved(
                subscriptionId, method == null ? StripeCheckout.CARD : method, session.getSetupIntent());
    }

    private String secretOf(String organisationId) {
        return accounts.findById(organisationId)
                .filter(account -> account.provider() == ProviderKind.STRIPE)
                .map(credentials::open)
                .map(open -> ((Credentials.Stripe) open).webhookSecret())
                .orElseThrow(() -> new InvalidWebhook("The gift's organisation has no Stripe account connected"));
    }

    /** The event's object, read before verifying only to know whose secret verifies it. */
    private JsonNode objectIn(String payload) {
        try {
            return json.readTree(payload).path("data").path("object");
        } catch (RuntimeException notJson) {
            throw new InvalidWebhook("The body is not a Stripe event");
        }
    }

    /** The gift the event's object names. */
    private static @Nullable DonationId donationNamedIn(JsonNode object) {
        String id = object.path("metadata").path(StripeCheckout.DONATION_ID).asString(null);
        if (id == null || id.isBlank()) {
            id = object.path("client_reference_id").asString(null);
        }
        return id == null || id.isBlank() ? null : DonationId.of(id);
    }

    private static StripeObject objectOf(Event event) {
        try {
            // Typed when the event's API version is the client's; read leniently otherwise.
            Optional<StripeObject> typed = event.getDataObjectDeserializer().getObject();
            return typed.isPresent()
                    ? typed.get()
                    : event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException unreadable) {
            throw new InvalidWebhook("The event's object is not one Stripe describes");
        }
    }

    /** The session the gift was started with, or whose payment confirmed it already. */
    private static boolean belongsTo(Session session, GiftPayment gift) {
        return gift.paymentReference().equals(session.getId())
                || gift.paymentReference().equals(session.getPaymentIntent());
    }
}
