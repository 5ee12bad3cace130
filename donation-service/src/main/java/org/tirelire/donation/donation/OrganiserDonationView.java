package org.tirelire.donation.donation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** A donation as its campaign's organiser sees it: with the donor, even when the gift is anonymous publicly. */
public record OrganiserDonationView(
        String id,
        String campaignId,
        Money amount,
        DonationStatus status,
        @Nullable Donor donor,
        boolean anonymous,
        @Nullable String message,
        @Nullable String rewardId,
        @Nullable String fundraiser,
        boolean newsConsent,
        @Nullable OfflineMethod offlineMethod,
        @Nullable String paymentReference,
        Instant createdAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant refundedAt,
        @Nullable Instant donorErasedAt,
        @Nullable Instant messageHiddenAt,
        @Nullable String messageHeldFor,
        @Nullable Utm utm) {

    public static OrganiserDonationView of(Donation d) {
        return new OrganiserDonationView(
                d.id(),
                d.campaignId(),
                d.amount(),
                d.status(),
                d.donor(),
                d.anonymous(),
                d.message(),
                d.rewardId(),
                d.fundraiserSlug(),
                d.newsConsent(),
                d.offlineMethod(),
                d.paymentReference(),
                d.createdAt(),
                d.confirmedAt(),
                d.refundedAt(),
                d.donorErasedAt(),
                d.messageHiddenAt(),
                d.messageHeldFor(),
                d.utm());
    }
}
