package org.tirelire.donation.subscription;

/** No such recurring gift in the organiser's organisation: 404. */
public class SubscriptionNotFound extends RuntimeException {

    public SubscriptionNotFound() {
        super("Your organisation has no such regular gift");
    }
}
