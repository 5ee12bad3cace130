package org.tirelire.donation.payment;

/**
 * Where a provider's verified word about a payment goes. The payment side only checks what a provider
 * says; what a gift then becomes is decided by the gift's own side, which implements this.
 */
public interface PaymentOutcomes {

    /** Confirms or fails the gift the outcome names; a repeated outcome changes nothing more. */
    void settle(PaymentOutcome outcome);
}
