package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A confirmed gift was given back to its donor; it no longer counts toward its campaign or page, nor in the
 * poll it voted in.
 *
 * @param pollOption the poll option the gift had voted for, whose tally loses its amount; null for none
 */
public record DonationRefunded(
        String donationId,
        String campaignId,
        Money amount,
        @Nullable String fundraiserSlug,
        Instant refundedAt,
        @Nullable String pollOption)
        implements DonationEvent {

    /** The refund of a gift that voted in no poll. */
    public DonationRefunded(
            String donationId, String campaignId, Money amount, @Nullable String fundraiserSlug, Instant refundedAt) {
        this(donationId, campaignId, amount, fundraiserSlug, refundedAt, null);
    }

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
