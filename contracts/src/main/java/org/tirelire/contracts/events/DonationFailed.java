package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/** The payment of a gift did not go through; nothing counts toward the campaign. */
public record DonationFailed(String donationId, String campaignId, Money amount, String reason, Instant failedAt)
        implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
