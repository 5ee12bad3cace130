package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A gift has been paid (or collected offline) and counts toward its campaign, and toward its
 * collection page when {@code fundraiserSlug} is set.
 *
 * @param offlineMethod {@code CASH}, {@code CHEQUE} or {@code TRANSFER} for a gift recorded by the organiser; null online
 * @param donor the donor's contact details, for the thank-you email; null for an offline gift without a donor
 * @param manageUrl for a charge of a recurring gift, the donor's signed page to manage it, which the
 *     thank-you email links to; null for a one-off gift
 * @param pollOption the option of the campaign's poll this gift votes for, with its whole amount; null when
 *     it votes for none (absent from events published before polls)
 * @param sponsorMatch for a sponsor's payment of their pledge, the match it settles: the campaign counts
 *     the payment in place of what the match had matched; null for any other gift
 * @param receiptWanted whether the donor asked for a tax receipt; null on events published before it was
 *     added, which say nothing either way
 * @param subscriptionId for a charge of a recurring gift, that gift's id (ADR 27); null for a one-off gift,
 *     and on events published before it was added
 */
public record DonationConfirmed(
        String donationId,
        String campaignId,
        Money amount,
        @Nullable String fundraiserSlug,
        @Nullable String rewardId,
        @Nullable Donor donor,
        boolean anonymous,
        @Nullable String message,
        boolean newsConsent,
        @Nullable String offlineMethod,
        Instant confirmedAt,
        @Nullable String manageUrl,
        @Nullable String pollOption,
        @Nullable String sponsorMatch,
        @Nullable Boolean receiptWanted,
        @Nullable String subscriptionId)
        implements DonationEvent {

    /**
     * A one-off gift's confirmation: no recurring gift to manage, no vote, no sponsor's pledge paid, no tax
     * receipt asked for.
     */
    public DonationConfirmed(
            String donationId,
            String campaignId,
            Money amount,
            @Nullable String fundraiserSlug,
            @Nullable String rewardId,
            @Nullable Donor donor,
            boolean anonymous,
            @Nullable String message,
            boolean newsConsent,
            @Nullable String offlineMethod,
            Instant confirmedAt) {
        this(
                donationId,
                campaignId,
                amount,
                fundraiserSlug,
                rewardId,
                donor,
                anonymous,
                message,
                newsConsent,
                offlineMethod,
                confirmedAt,
                null,
                null,
                null,
                false,
                null);
    }

    /** Who gave. {@code locale} is {@code fr} or {@code en}, for the language of emails. */
    public record Donor(String firstName, String lastName, String email, String locale) {

        /** What the public sees of this donor, unless the gift is anonymous. */
        public String displayName() {
            return lastName.isBlank() ? firstName : firstName + " " + lastName.charAt(0) + ".";
        }
    }

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
