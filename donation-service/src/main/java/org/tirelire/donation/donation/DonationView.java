package org.tirelire.donation.donation;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * {@code GET /api/donations/{id}} and the answer to {@code POST /api/donations}: the gift and its
 * status, with no personal data beyond the public display name.
 *
 * @param subscriptionId the recurring gift this is a charge of
 * @param manageUrl the donor's page of that recurring gift, signed and expiring
 */
public record DonationView(
        String id,
        String campaignId,
        Money amount,
        DonationStatus status,
        String displayName,
        boolean anonymous,
        @Nullable String message,
        @Nullable String rewardId,
        @Nullable String fundraiser,
        @Nullable String paymentReference,
        @Nullable String failureReason,
        Instant createdAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant refundedAt,
        @Nullable NextAction nextAction,
        @Nullable URI receiptUrl,
        @Nullable String subscriptionId,
        @Nullable URI manageUrl) {

    /**
     * What the donor does next: pay on the provider's own page, then come back to the gift's page.
     *
     * @param provider whose page it is: {@code stripe} or {@code helloasso}
     */
    public record NextAction(String type, URI url, String provider) {}

    public static DonationView of(Donation donation) {
        return new DonationView(
                donation.id(),
                donation.campaignId(),
                donation.amount(),
                donation.status(),
                donation.publicDisplayName(),
                donation.anonymous(),
                donation.message(),
                donation.rewardId(),
                donation.fundraiserSlug(),
                donation.paymentReference(),
                donation.failureReason(),
                donation.createdAt(),
                donation.confirmedAt(),
                donation.refundedAt(),
                donation.status() == DonationStatus.PENDING && donation.paymentPage() != null
                        ? new NextAction(
                                "redirect",
                                donation.paymentPage(),
                                donation.paymentProvider().pathName())
                        : null,
                null,
                donation.subscriptionId(),
                null);
    }

    /**
     * The same, with the signed links the donor keeps: to the gift's tax receipt when they asked for one,
     * and to the page where they manage their recurring gift.
     */
    public static DonationView of(Donation donation, GiftReceipts receipts, RecurringGifts recurring) {
        DonationView view = of(donation);
        return new DonationView(
                view.id,
                view.campaignId,
                view.amount,
                view.status,
                view.displayName,
                view.anonymous,
                view.message,
                view.rewardId,
                view.fundraiser,
                view.paymentReference,
                view.failureReason,
                view.createdAt,
                view.confirmedAt,
                view.refundedAt,
                view.nextAction,
                receipts.linkFor(donation),
                view.subscriptionId,
                recurring.manageLinkFor(donation));
    }
}
