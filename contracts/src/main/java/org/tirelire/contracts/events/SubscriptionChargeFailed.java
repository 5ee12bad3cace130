package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A recurring gift's charge ({@code donationId}) failed: it is tried again at {@code retryAt}, or, after the
 * last attempt, the gift is suspended. Carries the donor's link to fix it.
 *
 * @param retryAt when the charge is tried again; null when the gift is suspended
 */
public record SubscriptionChargeFailed(
        String donationId,
        String campaignId,
        String subscriptionId,
        DonationConfirmed.Donor donor,
        Money amount,
        @Nullable Instant retryAt,
        boolean suspended,
        String manageUrl,
        Instant failedAt)
        implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
