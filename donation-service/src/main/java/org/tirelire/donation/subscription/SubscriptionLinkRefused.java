package org.tirelire.donation.subscription;

/** A subscription link whose signature does not hold, that has expired, or that names no subscription: 403. */
public class SubscriptionLinkRefused extends RuntimeException {

    public SubscriptionLinkRefused() {
        super("This link to a monthly gift is not valid or has expired: ask for a new one by email");
    }
}
