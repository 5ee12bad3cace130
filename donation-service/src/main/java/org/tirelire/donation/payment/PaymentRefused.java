package org.tirelire.donation.payment;

/** The provider refused an operation (a refund): the organiser sees its reason, nothing changed here. */
public class PaymentRefused extends RuntimeException {

    public PaymentRefused(String reason) {
        super(reason);
    }
}
