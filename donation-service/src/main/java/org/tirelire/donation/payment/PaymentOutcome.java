package org.tirelire.donation.payment;

import org.tirelire.contracts.ids.DonationId;

/** What a verified webhook says about one payment. */
public record PaymentOutcome(
        String eventId, DonationId donationId, String paymentReference, boolean succeeded, String reason) {}
