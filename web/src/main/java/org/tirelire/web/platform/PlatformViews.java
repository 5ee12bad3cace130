package org.tirelire.web.platform;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * What the pages read from the services, as the public HTTP contract gives it. Fields the pages do
 * not use are ignored, so a service may add fields without breaking the pages.
 */
public final class PlatformViews {

    private PlatformViews() {}

    public record Campaign(
            String id,
            String slug,
            String organisationId,
            String organisationName,
            String title,
            String summary,
            @Nullable String story,
            @Nullable String storyHtml,
            @Nullable String coverImageUrl,
            Money goal,
            Instant endsAt,
            String fundingModel,
            List<StretchGoal> stretchGoals,
            List<Reward> rewards,
            String status,
            @Nullable String outcome,
            Progress progress) {

        public boolean live() {
            return "LIVE".equals(status);
        }

        public boolean draft() {
            return "DRAFT".equals(status);
        }

        public boolean allOrNothing() {
            return "ALL_OR_NOTHING".equals(fundingModel);
        }

        public @Nullable Reward reward(@Nullable String rewardId) {
            return rewards.stream()
                    .filter(r -> r.id().equals(rewardId))
                    .findFirst()
                    .orElse(null);
        }
    }

    public record StretchGoal(Money amount, String label) {}

    public record Reward(
            String id,
            String title,
            @Nullable String description,
            Money minAmount,
            @Nullable Integer limit) {}

    /**
     * @param raised the gifts and what sponsors matched of them
     * @param matched the part of {@code raised} sponsors matched; null from a service that does not match
     * @param activeMatch the sponsor's match open now, if any
     * @param matches every sponsor's match, in the order they were added
     * @param poll the poll open now, or else the last one closed; null when none was asked
     */
    public record Progress(
            String campaignId,
            Money goal,
            Money raised,
            long donationCount,
            int percent,
            long daysLeft,
            @Nullable Instant lastGiftAt,
            List<Milestone> milestones,
            @Nullable Money matched,
            @Nullable Match activeMatch,
            @Nullable List<Match> matches,
            @Nullable Poll poll) {

        /** The poll a gift may vote in now, if one is open. */
        public @Nullable Poll openPoll() {
            return poll != null && poll.open() ? poll : null;
        }

        /** The thermometer never draws past full, even when a campaign raised twice its goal. */
        public int barPercent() {
            return Math.min(100, Math.max(0, percent));
        }

        public boolean hasMatched() {
            return matched != null && matched.amount() > 0;
        }

        public List<Match> allMatches() {
            return matches == null ? List.of() : matches;
        }

        /** The first milestone or stretch goal not reached yet: what the total unlocks next. */
        public @Nullable Milestone nextMilestone() {
            return milestones.stream().filter(m -> !m.reached()).findFirst().orElse(null);
        }
    }

    /** A poll where each gift votes with its amount; {@code total} is all it got. */
    public record Poll(String id, String question, boolean open, Money total, List<PollOption> options) {}

    /** @param percent the option's whole percent of what the poll got */
    public record PollOption(String id, String label, Money votes, long gifts, int percent) {}

    /**
     * A sponsor's pledge: {@code ratio} euros per euro given, up to {@code cap}, until {@code endsAt}; what it
     * matched is owed by the sponsor until {@code paid} is recorded.
     */
    public record Match(
            String id,
            String sponsor,
            int ratio,
            Money cap,
            Money matched,
            Money left,
            @Nullable Money minimumGift,
            Instant endsAt,
            @Nullable Money paid,
            @Nullable Instant paidAt) {

        /** The sponsor owes what was matched: a payment may be recorded. */
        public boolean owed() {
            return paid == null && matched.amount() > 0;
        }
    }

    public record Milestone(String label, Money threshold, boolean reached) {}

    /** A campaign's figures for its organiser (donation-service's {@code CampaignInsights}). */
    public record Insights(
            Money total,
            long gifts,
            long donors,
            Money averageGift,
            Money medianGift,
            Share throughCollectionPages,
            List<PageFigures> topCollectionPages,
            List<Source> sources,
            List<Channel> channels,
            List<Day> days) {

        public record Share(long gifts, Money amount, int percentOfTotal) {}

        public record PageFigures(String slug, long gifts, Money amount) {}

        public record Source(String source, long gifts, Money amount) {}

        /** The gifts of links tagged {@code utm_source}, {@code utm_medium}, {@code utm_campaign}; a part may be absent. */
        public record Channel(
                @Nullable String source,
                @Nullable String medium,
                @Nullable String campaign,
                long gifts,
                Money amount) {

            /** {@code newsletter / email / noel}, the parts the links had; a dash for a link without a source. */
            public String label() {
                return Stream.of(source == null ? "—" : source, medium, campaign)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(" / "));
            }
        }

        public record Day(java.time.LocalDate date, long gifts, Money amount, Money cumulative) {}
    }

    public record Supporter(
            String displayName, Money amount, @Nullable String message, Instant confirmedAt) {}

    /** @param nextAction where the donor pays, when the provider hosts its own payment page */
    public record Donation(
            String id,
            String campaignId,
            Money amount,
            String status,
            String displayName,
            @Nullable String message,
            @Nullable String fundraiser,
            @Nullable String failureReason,
            @Nullable NextAction nextAction,
            @Nullable String receiptUrl,
            @Nullable String subscriptionId,
            @Nullable String manageUrl) {

        public boolean awaitsPaymentOnProviderPage() {
            return "PENDING".equals(status) && nextAction != null;
        }
    }

    /** @param provider whose payment page it is: {@code stripe} or {@code helloasso} */
    public record NextAction(String type, String url, String provider) {}

    /** Where an organisation's gifts are paid; never a secret, only {@code keyHint}. */
    public record PaymentAccount(
            String provider,
            String status,
            @Nullable String detail,
            @Nullable String keyHint,
            boolean movesMoney,
            @Nullable Instant connectedAt,
            @Nullable String connectedBy) {

        public boolean sandbox() {
            return "SANDBOX".equals(provider);
        }
    }

    /**
     * What the giving form shows of tax receipts.
     *
     * @param reductionRate 66, or 75 up to {@code reducedRateCeiling}
     */
    public record ReceiptPolicy(
            boolean issuesReceipts,
            @Nullable String mode,
            int reductionRate,
            @Nullable Money reducedRateCeiling,
            List<Estimate> estimates) {

        public record Estimate(Money gift, Money costAfterReduction) {}

        /** What this suggested amount costs after the reduction, if it was asked for. */
        public @Nullable Money costOf(long amount) {
            return estimates.stream()
                    .filter(estimate -> estimate.gift().amount() == amount)
                    .map(Estimate::costAfterReduction)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A donor's recurring gift, as its page shows it. */
    public record Subscription(
            String id,
            String status,
            Money amount,
            String frequency,
            String paymentMethod,
            String campaignId,
            Instant startedAt,
            @Nullable Instant nextChargeAt,
            @Nullable Instant pausedUntil,
            @Nullable Instant cancelledAt,
            List<String> charges,
            @Nullable Instant generalFundSince) {

        public boolean changeable() {
            return "ACTIVE".equals(status) || "PAUSED".equals(status);
        }
    }

    /** @param redirect the provider's page where the donor gives the new method; null when it is saved */
    public record SubscriptionMethodChange(
            Subscription subscription, @Nullable URI redirect) {}

    /** An organisation's regular gifts, for its treasurer. */
    public record SubscriptionsOverview(
            Money monthlyRecurringRevenue,
            Map<String, Money> receivedByMonth,
            List<SubscriptionLine> subscriptions,
            @Nullable GeneralFundTotal generalFund) {}

    /** What the organisation's general fund received: the charges of regular gifts whose campaign ended. */
    public record GeneralFundTotal(String id, Money raised, int gifts) {}

    public record SubscriptionLine(
            String id,
            String status,
            String firstName,
            String lastName,
            String email,
            Money amount,
            String frequency,
            Instant startedAt,
            @Nullable Instant nextChargeAt,
            int charges) {

        public boolean active() {
            return "ACTIVE".equals(status) || "PAUSED".equals(status);
        }
    }

    public record PostalAddress(
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String postalCode,
            @Nullable String city,
            @Nullable String country) {}

    public record Signatory(@Nullable String name, @Nullable String title) {}

    /** An organisation's receipt settings, and what is still missing before they can be turned on. */
    public record ReceiptSettings(
            boolean enabled,
            boolean issuing,
            @Nullable String legalName,
            @Nullable PostalAddress address,
            @Nullable String object,
            @Nullable String legalStatus,
            @Nullable String rna,
            @Nullable String siren,
            List<String> articles,
            boolean reducedRate75,
            @Nullable Signatory signatory,
            String mode,
            boolean signatureImage,
            @Nullable Instant eligibilityConfirmedAt,
            @Nullable String eligibilityConfirmedBy,
            List<Map<String, String>> missing) {}

    public record ReceiptRegister(int year, int count, Money totalReceipted, List<ReceiptEntry> receipts) {}

    public record ReceiptEntry(
            String number,
            String status,
            String kind,
            Instant issuedAt,
            ReceiptDonor donor,
            Money amount,
            @Nullable String replaces,
            @Nullable Instant cancelledAt) {

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }
    }

    public record ReceiptDonor(String firstName, String lastName, String email, PostalAddress address) {}

    public record AnnualReceipts(int issued) {}

    public record Fundraiser(
            String slug,
            String campaignId,
            String title,
            String supporterName,
            @Nullable String message,
            @Nullable String team,
            @Nullable Money goal,
            Money raised,
            long donationCount,
            @Nullable Integer percent,
            String status,
            String shareUrl,
            ShareKit shareKit,
            @Nullable String editToken) {

        public int barPercent() {
            return percent == null ? 0 : Math.min(100, Math.max(0, percent));
        }

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** Share texts by language ("fr", "en"), then by network ("whatsapp", "facebook", "x", "linkedin", "email"). */
    public record ShareKit(String url, String qrPng, String qrSvg, Map<String, Map<String, ShareLink>> texts) {

        public Map<String, ShareLink> in(String language) {
            return texts.getOrDefault(language, texts.getOrDefault("fr", Map.of()));
        }
    }

    public record ShareLink(String text, String link) {}

    public record Team(String team, Money raised, long donationCount, int pages) {}

    public record News(String id, String title, String body, Instant publishedAt) {}

    /** A donation as the campaign's organiser sees it, donor included. */
    public record OrganiserDonation(
            String id,
            Money amount,
            String status,
            @Nullable Donor donor,
            boolean anonymous,
            @Nullable String message,
            @Nullable String fundraiser,
            @Nullable String offlineMethod,
            Instant createdAt,
            @Nullable Instant messageHiddenAt,
            @Nullable String messageHeldFor) {

        public boolean refundable() {
            return "CONFIRMED".equals(status);
        }

        /** A message the public still reads on the campaign's page. */
        public boolean messageShown() {
            return message != null && messageHiddenAt == null;
        }
    }

    public record Donor(String firstName, String lastName, String email) {}

    public record HeldWords(List<String> words) {}

    public record DonationsPage(List<OrganiserDonation> content, int page, int size, long totalElements) {}

    /** The configured payment provider's methods; {@code sandbox} when no money moves. */
    /** @param recurring whether monthly and yearly gifts are taken (not through HelloAsso) */
    public record PaymentMethods(String provider, boolean sandbox, List<String> methods, boolean recurring) {}

    /** An organisation's webhook; {@code secret} only in the answer to its registration. */
    public record Webhook(
            String id,
            String url,
            List<String> eventTypes,
            Instant createdAt,
            @Nullable String secret) {}

    public record WebhookDelivery(
            String id,
            String eventId,
            String eventType,
            String status,
            int attempts,
            @Nullable Integer lastStatusCode,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant deliveredAt,
            @Nullable Instant nextAttemptAt) {}
}
