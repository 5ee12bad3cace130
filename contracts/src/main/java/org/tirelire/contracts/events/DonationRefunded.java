package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** A confirmed gift was given back to its donor; it no longer counts toward its campaign or page. */
public record DonationRefunded(
        String donationId,
        String campaignId,
        Money amount,
        @Nullable String fundraiserSlug,
        Instant refundedAt) implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
