package org.tirelire.donation.donation;

public enum DonationStatus {
    /** Recorded; waiting for the payment provider to say the payment went through. */
    PENDING,
    /** Paid (or collected offline); counts toward the campaign. */
    CONFIRMED,
    /** The payment did not go through; counts for nothing. */
    FAILED,
    /** Given back to the donor; no longer counts. */
    REFUNDED
}
