package org.tirelire.donation.subscription;

/** A change a subscription in its status cannot take (pausing a cancelled gift): 409. */
public class SubscriptionNotChangeable extends RuntimeException {

    public SubscriptionNotChangeable(String message) {
        super(message);
    }
}
