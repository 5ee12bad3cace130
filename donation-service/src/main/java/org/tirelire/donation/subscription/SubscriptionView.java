package org.tirelire.donation.subscription;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.Frequency;

/**
 * {@code GET /api/subscriptions/{id}?token=}: a recurring gift as its donor sees it.
 *
 * @param nextChargeAt when the next charge falls due; null once the gift is cancelled
 * @param charges the donations it is made of, first charge first
 * @param generalFundSince when its campaign ended, after which its charges support the organisation's
 *     general fund; null while the campaign is live
 */
public record SubscriptionView(
        String id,
        SubscriptionStatus status,
        Money amount,
        Frequency frequency,
        String paymentMethod,
        String campaignId,
        Instant startedAt,
        @Nullable Instant nextChargeAt,
        @Nullable Instant pausedUntil,
        @Nullable Instant cancelledAt,
        List<String> charges,
        @Nullable Instant generalFundSince) {

    static SubscriptionView of(Subscription subscription) {
        boolean charging = subscription.status() == SubscriptionStatus.ACTIVE
                || subscription.status() == SubscriptionStatus.PAUSED;
        return new SubscriptionView(
                subscription.id(),
                subscription.status(),
                subscription.amount(),
                subscription.frequency(),
                subscription.paymentMethod(),
                subscription.campaignId(),
                subscription.startedAt(),
                subscription.status() == SubscriptionStatus.PAUSED
                        ? subscription.nextChargeAfterPause()
                        : charging ? subscription.nextChargeAt() : null,
                subscription.pausedUntil(),
                subscription.cancelledAt(),
                subscription.charges(),
                subscription.generalFundSince());
    }
}
