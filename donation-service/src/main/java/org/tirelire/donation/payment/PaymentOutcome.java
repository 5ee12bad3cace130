package org.tirelire.donation.payment;

/** What a verified webhook says about one payment. */
public record PaymentOutcome(
        String eventId, String donationId, String paymentReference, boolean succeeded, String reason) {}
