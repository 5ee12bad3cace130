package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/**
 * A regular gift's campaign ended as planned: its next charges support the association's work as a whole,
 * its general fund (ADR 28). The donor is told when it happens, with the link to change or stop the gift,
 * rather than learning it from the next thank-you. {@code donationId} is the gift's first charge.
 */
public record SubscriptionMovedToGeneralFund(
        String donationId,
        String campaignId,
        String subscriptionId,
        DonationConfirmed.Donor donor,
        Money amount,
        String frequency,
        String manageUrl,
        Instant movedAt)
        implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
