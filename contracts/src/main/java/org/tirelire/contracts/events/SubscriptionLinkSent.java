package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/**
 * A donor asked for a new link to their recurring gift (theirs expired, or the email is lost): the fresh
 * signed link, for the email that carries it. {@code donationId} is the gift's first charge.
 */
public record SubscriptionLinkSent(
        String donationId,
        String campaignId,
        String subscriptionId,
        DonationConfirmed.Donor donor,
        Money amount,
        String frequency,
        String manageUrl,
        Instant sentAt)
        implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
