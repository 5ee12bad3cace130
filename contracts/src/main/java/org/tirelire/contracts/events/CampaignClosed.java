package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A campaign stopped accepting gifts: closed by its organiser, ended at its deadline, or cancelled.
 *
 * @param outcome {@code SUCCEEDED} (the gifts are kept), {@code FAILED} (an all-or-nothing campaign
 *     below its goal) or {@code CANCELLED}; after the last two, donation-service refunds every gift.
 *     Absent from events published before it existed, which mean {@code SUCCEEDED}.
 */
public record CampaignClosed(
        String campaignId,
        String organisationId,
        Money raised,
        long donationCount,
        Instant closedAt,
        @Nullable String outcome)
        implements CampaignEvent {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";

    /** Whether every confirmed gift must now be given back. */
    public boolean requiresRefunds() {
        return requiresRefunds(outcome);
    }

    /** Whether a campaign that ended so gives every gift back: a missed all-or-nothing goal, or cancelled. */
    public static boolean requiresRefunds(@Nullable String outcome) {
        return FAILED.equals(outcome) || CANCELLED.equals(outcome);
    }

    @Override
    public void dispatchTo(CampaignEvent.Handler handler) {
        handler.on(this);
    }
}
