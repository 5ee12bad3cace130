package org.tirelire.donation.payment;

import java.util.Set;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * The port to a payment provider. A real provider (HelloAsso Checkout, Stripe) is one more adapter:
 * it starts a payment and later tells the outcome through a signed webhook, which
 * {@link PaymentWebhookController} verifies with {@link #verifyWebhook} before anything changes.
 */
public interface PaymentProvider {

    /** The name in the webhook path, {@code /api/payments/webhooks/{name}}. */
    String name();

    /** The HTTP header its webhooks carry their signature in. */
    String signatureHeader();

    /** The payment methods donors may name in {@code paymentMethod}. */
    Set<String> paymentMethods();

    /** Starts paying for a recorded, pending gift. */
    PaymentStart start(PaymentRequest request);

    /** Refunds a confirmed online payment; offline gifts are refunded by hand. */
    void refund(String paymentReference, Money amount);

    /**
     * A payment this provider started a while ago still has no outcome (its webhook was lost, or the
     * service stopped before it came): the provider tells it again, as providers retry their webhooks.
     * A reference that is not this provider's is ignored.
     */
    void followUp(DonationId donationId, String paymentReference);

    /**
     * Checks a webhook's signature and freshness and reads it.
     *
     * @throws InvalidWebhook when the signature, timestamp or body is not what the provider sends
     */
    PaymentOutcome verifyWebhook(byte[] body, String signatureHeader);

    /** What the provider said at the start: either it takes the payment in hand, or it declines at once. */
    sealed interface PaymentStart {
        record Accepted(String paymentReference) implements PaymentStart {}

        record Declined(String reason) implements PaymentStart {}
    }
}
