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
 * @param recurrence whether the payment is a one-off gift, the first charge of a recurring gift (whose
 *     method the provider keeps for the next ones), or one of those next charges, taken without the donor
 * @param mandate for a repeat charge, the provider's reference of the payment (or set-up) that saved the
 *     donor's method; null when none was saved yet, and for the sandbox, which needs none
 */
public record PaymentRequest(
        DonationId donationId,
        Money amount,
        String paymentMethod,
        URI returnUrl,
        String description,
        @Nullable Payer payer,
        Recurrence recurrence,
        @Nullable String mandate) {

    /** A one-off payment the donor makes now, present. */
    public PaymentRequest(
            DonationId donationId,
            Money amount,
            String paymentMethod,
            URI returnUrl,
            String description,
            @Nullable Payer payer) {
        this(donationId, amount, paymentMethod, returnUrl, description, payer, Recurrence.ONE_OFF, null);
    }

    public boolean repeatCharge() {
        return recurrence == Recurrence.REPEAT_CHARGE;
    }

    public record Payer(String firstName, String lastName, String email) {}

    public enum Recurrence {
        ONE_OFF,
        /** Paid by the donor, present; the provider keeps the method for the charges to come. */
        FIRST_CHARGE,
        /** Taken without the donor, with the method kept at the first charge. */
        REPEAT_CHARGE
    }
}
