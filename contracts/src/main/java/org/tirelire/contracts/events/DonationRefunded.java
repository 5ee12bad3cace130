package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A confirmed gift was given back to its donor; it no longer counts toward its campaign or page, nor in the
 * poll it voted in.
 *
 * @param pollOption the poll option the gift had voted for, whose tally loses its amount; null for none
 * @param sponsorMatch for a sponsor's payment given back, the match it had settled, which counts again what
 *     it matched; null for any other gift
 */
public record DonationRefunded(
        String donationId,
        String campaignId,
        Money amount,
        @Nullable String fundraiserSlug,
        Instant refundedAt,
        @Nullable String pollOption,
        @Nullable String sponsorMatch)
        implements DonationEvent {

    /** The refund of a gift that neither voted nor paid a sponsor's pledge. */
    public DonationRefunded(
            String donationId, String campaignId, Money amount, @Nullable String fundraiserSlug, Instant refundedAt) {
        this(donationId, campaignId, amount, fundraiserSlug, refundedAt, null, null);
    }

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
