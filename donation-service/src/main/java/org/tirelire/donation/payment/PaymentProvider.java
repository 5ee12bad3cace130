package org.tirelire.donation.payment;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * The port to a payment provider, acting for one organisation: the sandbox, or the organisation's own
 * Stripe or HelloAsso account ({@link PaymentProviders} picks it). The provider later tells the outcome
 * through its webhooks ({@link PaymentWebhooks}), or when asked ({@link #followUp}).
 */
public interface PaymentProvider {

    ProviderKind kind();

    /** Whether real money moves: false for the sandbox only, which the pages say. */
    default boolean movesMoney() {
        return kind() != ProviderKind.SANDBOX;
    }

    /** The payment methods donors may name in {@code paymentMethod}. */
    Set<String> paymentMethods();

    /**
     * Whether it charges a recurring gift again without the donor ({@link PaymentRequest#repeatCharge}), with
     * the method kept at its first charge: the sandbox and Stripe. HelloAsso takes monthly gifts only on
     * its own forms, which Tirelire does not drive.
     */
    default boolean takesRepeatCharges() {
        return kind() == ProviderKind.SANDBOX || kind() == ProviderKind.STRIPE;
    }

    /**
     * Starts changing the method a recurring gift is charged with (a card expired, a bank refused a debit):
     * saved at once (the sandbox, which takes the method named), or on the provider's own page, where the
     * donor is sent and which tells the outcome by webhook ({@link SavedMethodChanges}).
     */
    default MethodChange changeSavedMethod(MethodChangeRequest request) {
        return new MethodChange.Declined(kind().pathName() + " takes no recurring gifts through Tirelire");
    }

    /**
     * @param mandate the reference that saved the method used so far (the provider may find its customer there)
     * @param returnUrl the donor's page, where the provider sends them back
     */
    record MethodChangeRequest(
            String subscriptionId,
            String paymentMethod,
            @Nullable String mandate,
            URI returnUrl) {}

    sealed interface MethodChange {
        /** @param mandate the reference the next charges are taken with */
        record Saved(String mandate) implements MethodChange {}

        record OnProviderPage(URI redirect) implements MethodChange {}

        record Declined(String reason) implements MethodChange {}
    }

    /** Starts paying for a recorded, pending gift. */
    PaymentStart start(PaymentRequest request);

    /**
     * Gives a confirmed online payment back to the donor; asking twice refunds once.
     *
     * @throws PaymentRefused when the provider will not refund (the organiser is told why)
     */
    void refund(DonationId donationId, String paymentReference, Money amount);

    /**
     * A payment started a while ago still has no outcome (its webhook was lost, or the service stopped
     * before it came): the outcome, when the provider can tell it now. A provider that retries its own
     * webhooks (the sandbox) sends it again instead and answers empty.
     */
    Optional<PaymentOutcome> followUp(DonationId donationId, String paymentReference);

    /**
     * What the provider said at the start: it takes the payment in hand under a reference, possibly on a
     * page of its own the donor must be sent to; or it declines at once.
     */
    sealed interface PaymentStart {
        /** @param redirect the provider's payment page, for providers that host it */
        record Accepted(String paymentReference, @Nullable URI redirect) implements PaymentStart {}

        record Declined(String reason) implements PaymentStart {}

        /** Taken at once (a saved card charged without the donor): the gift is confirmed now. */
        record Paid(String paymentReference, Money amount) implements PaymentStart {}
    }
}
