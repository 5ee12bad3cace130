package org.tirelire.web.platform;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * What the pages send to the services, as the public HTTP contract takes it. A {@code null} field is
 * left out of the JSON (the clients are configured so), which the contract reads as "not given".
 */
public final class PlatformRequests {

    private PlatformRequests() {}

    /** The body of {@code POST /api/campaigns}. */
    public record NewCampaign(
            String title,
            String summary,
            String story,
            String coverImageUrl,
            Money goal,
            Instant endsAt,
            String fundingModel,
            List<StretchGoal> stretchGoals,
            List<RewardChange> rewards) {}

    /** The body of {@code PATCH /api/campaigns/{id}}: every field, rewards keeping their ids. */
    public record CampaignChanges(
            String title,
            String summary,
            String story,
            String coverImageUrl,
            Money goal,
            Instant endsAt,
            List<StretchGoal> stretchGoals,
            List<RewardChange> rewards) {}

    public record StretchGoal(Money amount, String label) {}

    /** A reward as offered; {@code id} names one the campaign already has, absent for a new one. */
    public record RewardChange(
            @Nullable String id,
            String title,
            @Nullable String description,
            Money minAmount,
            @Nullable Integer limit) {}

    public record NewsPost(String title, String body) {}

    /** The body of {@code POST /api/donations}; {@code locale} is the language of the donor's emails. */
    public record Gift(
            String campaignId,
            Money amount,
            GiftDonor donor,
            boolean anonymous,
            boolean newsConsent,
            String paymentMethod,
            String locale,
            @Nullable String message,
            @Nullable String rewardId,
            @Nullable String fundraiser,
            @Nullable ReceiptWish receipt,
            @Nullable String frequency,
            @Nullable Utm utm,
            @Nullable String pollOption) {}

    /** {@code POST /api/campaigns/{id}/polls}: a question and two to six options. */
    public record NewPoll(String question, List<String> options) {}

    /** The UTM tags of the link the donor followed, each part optional. */
    public record Utm(
            @Nullable String source,
            @Nullable String medium,
            @Nullable String campaign) {}

    public record GiftDonor(String firstName, String lastName, String email) {}

    public record SubscriptionPause(int months) {}

    public record SubscriptionLinks(String email) {}

    public record SubscriptionAmount(Money amount) {}

    public record SubscriptionMethod(String paymentMethod) {}

    /** A tax receipt asked for with a gift, and the address it is made out to. */
    public record ReceiptWish(boolean wanted, PlatformViews.PostalAddress address) {}

    /** The body of {@code PUT /api/organisations/me/receipts}; the password asked again. */
    public record ReceiptSettingsChange(
            boolean enabled,
            @Nullable String legalName,
            PlatformViews.PostalAddress address,
            @Nullable String object,
            @Nullable String legalStatus,
            @Nullable String rna,
            @Nullable String siren,
            List<String> articles,
            boolean reducedRate75,
            PlatformViews.Signatory signatory,
            String mode,
            boolean eligibilityConfirmed,
            @Nullable String signatureImage,
            String currentPassword) {

        @Override
        public String toString() {
            return "ReceiptSettingsChange[" + legalName + ", enabled=" + enabled + "]";
        }
    }

    /** The body of {@code POST /api/campaigns/{id}/matches}: a sponsor's pledge, open from now. */
    public record NewMatch(
            String sponsor,
            int ratio,
            Money cap,
            Instant endsAt,
            @Nullable Money minimumGift) {}

    /**
     * The body of {@code POST /api/campaigns/{id}/offline-donations}; the donor only if one was named.
     *
     * @param sponsorMatch for a sponsor's payment of what their match owes, the match
     */
    public record OfflineGift(
            Money amount,
            String method,
            @Nullable OfflineDonor donor,
            @Nullable ReceiptWish receipt,
            @Nullable String sponsorMatch) {

        public OfflineGift(Money amount, String method, @Nullable OfflineDonor donor, @Nullable ReceiptWish receipt) {
            this(amount, method, donor, receipt, null);
        }
    }

    public record OfflineDonor(
            String firstName, String lastName, @Nullable String email) {}

    /** The body of {@code POST /api/campaigns/{id}/fundraisers}; {@code locale} of the supporter's emails. */
    public record NewFundraiser(
            FundraiserSupporter supporter,
            String locale,
            String title,
            @Nullable Money goal,
            @Nullable String message,
            @Nullable String team) {}

    public record FundraiserSupporter(String name, String email) {}

    /** The body of {@code PATCH /api/fundraisers/{slug}}: an empty message clears it, no goal keeps it. */
    public record FundraiserChanges(
            String title, String message, @Nullable Money goal) {}

    public record NewWebhook(String url, List<String> eventTypes) {}

    /** The account an organiser connects, with their current password asked again. */
    public record PaymentAccountChange(
            String provider,
            @Nullable String secretKey,
            @Nullable String webhookSecret,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String organisationSlug,
            String currentPassword) {

        @Override
        public String toString() {
            return "PaymentAccountChange[" + provider + "]";
        }
    }
}
