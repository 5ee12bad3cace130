package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/**
 * A donor started a recurring gift; its first charge is {@code donationId}, taken at once. Carries the
 * signed link where the donor manages it, for the confirmation email.
 *
 * @param frequency {@code MONTHLY} or {@code YEARLY}
 * @param manageUrl the donor's page of the gift, signed and expiring
 */
public record SubscriptionStarted(
        String donationId,
        String campaignId,
        String subscriptionId,
        DonationConfirmed.Donor donor,
        Money amount,
        String frequency,
        String manageUrl,
        Instant nextChargeAt,
        Instant startedAt)
        implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
