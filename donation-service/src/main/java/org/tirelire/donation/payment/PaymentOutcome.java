package org.tirelire.donation.payment;

import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * What a provider says, once verified, about one payment.
 *
 * @param paymentReference the provider's reference for the money taken (what a refund names)
 * @param paid what the provider took, checked against the gift before it is confirmed; null when the
 *     provider does not say (the sandbox)
 */
public record PaymentOutcome(
        String eventId,
        DonationId donationId,
        String paymentReference,
        boolean succeeded,
        String reason,
        @Nullable Money paid) {

    public static PaymentOutcome succeeded(
            String eventId, DonationId donationId, String reference, @Nullable Money paid) {
        return new PaymentOutcome(eventId, donationId, reference, true, "succeeded", paid);
    }

    public static PaymentOutcome failed(String eventId, DonationId donationId, String reference, String reason) {
        return new PaymentOutcome(eventId, donationId, reference, false, reason, null);
    }
}
