package org.tirelire.donation.payment;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * What a provider needs to take a payment: how much, for which gift (its reference on the provider's
 * side, and in the webhooks that come back), with which of its methods, where a donor who paid on the
 * provider's own page returns to, what the payment is for, and who pays (to prefill the provider's page).
 *
 * @param repeatCharge a recurring gift's later charge, taken without the donor present with the method
 *     they gave for its first
 */
public record PaymentRequest(
        DonationId donationId,
        Money amount,
        String paymentMethod,
        URI returnUrl,
        String description,
        @Nullable Payer payer,
        boolean repeatCharge) {

    /** A payment the donor makes now, present. */
    public PaymentRequest(
            DonationId donationId,
            Money amount,
            String paymentMethod,
            URI returnUrl,
            String description,
            @Nullable Payer payer) {
        this(donationId, amount, paymentMethod, returnUrl, description, payer, false);
    }

    public record Payer(String firstName, String lastName, String email) {}
}
