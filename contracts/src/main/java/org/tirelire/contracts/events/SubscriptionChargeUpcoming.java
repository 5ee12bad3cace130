package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/**
 * A yearly gift's next charge comes in a fortnight: the donor is told beforehand, with the link to change
 * or stop it, as one expects before a large charge taken once a year. {@code donationId} is the gift's first
 * charge.
 */
public record SubscriptionChargeUpcoming(
        String donationId,
        String campaignId,
        String subscriptionId,
        DonationConfirmed.Donor donor,
        Money amount,
        Instant chargeAt,
        String manageUrl,
        Instant noticedAt)
        implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
