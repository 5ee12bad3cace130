package org.tirelire.donation.payment;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * What a provider needs to take a payment: how much, for which gift (its reference on the provider's
 * side, and in the webhooks that come back), with which of its methods, where a donor who paid on the
 * provider's own page returns to, what the payment is for, and who pays (to prefill the provider's page).
 */
public record PaymentRequest(
        DonationId donationId,
        Money amount,
        String paymentMethod,
        URI returnUrl,
        String description,
        @Nullable Payer payer) {

    public record Payer(String firstName, String lastName, String email) {}
}
