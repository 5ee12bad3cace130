package org.tirelire.donation.donation;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What giving needs of recurring gifts, kept in the {@code subscription} package: a recurring gift's
 * first charge starts its subscription, and the donor gets the signed link to manage it.
 */
public interface RecurringGifts {

    /** The id of the subscription a first charge starts: derived from it, so a retried request finds it. */
    static String subscriptionIdOf(String firstChargeId) {
        return "sub-" + firstChargeId;
    }

    /** Records the subscription a first charge starts; asking again changes nothing. */
    void start(Donation firstCharge, Frequency frequency);

    /** The signed, expiring link to the donor's page of a charge's subscription; null for a one-off gift. */
    @Nullable
    URI manageLinkFor(Donation charge);
}
