package org.tirelire.donation.subscription;

/** Where a recurring gift stands. */
public enum SubscriptionStatus {
    /** Charged when due. */
    ACTIVE,
    /** The donor paused it: the periods that fall in the pause are not charged. */
    PAUSED,
    /** A charge failed three times: nothing is charged until the donor gives a working payment method. */
    SUSPENDED,
    /** Stopped for good, by the donor, the organisation, an erasure, or a first payment that failed. */
    CANCELLED
}
