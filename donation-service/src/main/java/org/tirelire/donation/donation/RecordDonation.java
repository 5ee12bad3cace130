package org.tirelire.donation.donation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.LiveCampaigns;
import org.tirelire.donation.fundraiser.FundraiserPageRefs;
import org.tirelire.donation.idempotency.IdempotencyKeys;
import org.tirelire.donation.moderation.MessageModeration;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentProviders;
import org.tirelire.donation.reward.RewardStocks;
import org.tirelire.kit.messaging.RecentlyPublished;

/**
 * A donor gives. Every check runs before anything is stored; then the idempotency key is claimed, the
 * donation recorded as PENDING and its payment started from the copy just written. Repeating the request
 * returns the same donation, and finishes the work if the first attempt stopped half-way.
 */
@Component
public class RecordDonation {

    private final IdempotencyKeys idempotencyKeys;
    private final LiveCampaigns liveCampaigns;
    private final DonationRepository donations;
    private final DonationLifecycle lifecycle;
    private final PaymentProviders paymentProviders;
    private final DonationLimits limits;
    private final FundraiserPageRefs fundraiserPages;
    private final RewardStocks rewardStocks;
    private final GiftReceipts receipts;
    private final RecurringGifts recurring;
    private final Duration publicationGrace;
    private final Clock clock;
    private final MessageModeration moderation;

    RecordDonation(
            IdempotencyKeys idempotencyKeys,
            LiveCampaigns liveCampaigns,
            DonationRepository donations,
            DonationLifecycle lifecycle,
            PaymentProviders paymentProviders,
            DonationLimits limits,
            FundraiserPageRefs fundraiserPages,
            RewardStocks rewardStocks,
            GiftReceipts receipts,
            RecurringGifts recurring,
            MessageModeration moderation,
            @Value("${tirelire.donations.publication-grace:3s}") Duration publicationGrace,
            Clock clock) {
        this.moderation = moderation;
        this.idempotencyKeys = idempotencyKeys;
        this.liveCampaigns = liveCampaigns;
        this.donations = donations;
        this.lifecycle = lifecycle;
        this.paymentProviders = paymentProviders;
        this.limits = limits;
        this.fundraiserPages = fundraiserPages;
        this.rewardStocks = rewardStocks;
        this.receipts = receipts;
        this.recurring = recurring;
        this.publicationGrace = publicationGrace;
        this.clock = clock;
    }

    /** @param firstTime false when this request repeats an earlier one with the same key */
    public record Recorded(Donation donation, boolean firstTime) {}

    public Recorded give(String idempotencyKey, DonationRequest request) {
        Money amount = request.amount().toMoney();
        CampaignSnapshot campaign;
        PaymentProvider paymentProvider;
        PostalAddress receiptAddress;
        try {
            campaign = acceptingCampaign(CampaignId.of(request.campaignId()));
            paymentProvider = paymentProviders.forOrganisation(campaign.organisationId());
            check(request, amount, campaign, paymentProvider);
            receiptAddress = request.receipt() == null
                    ? null
                    : request.receipt().checkedAddress(campaign.organisationId(), receipts);
        } catch (RuntimeException refused) {
            // A repeated request is answered from its first attempt even if the campaign has closed since,
            // or its provider cannot be reached now.
            Optional<Recorded> repeated = idempotencyKeys
                    .earlierClaim(idempotencyKey, request)
                    .flatMap(claim -> recordedBefore(claim.donationId(), request));
            if (repeated.isPresent()) {
                return repeated.get();
            }
            throw refused;
        }

        // Claimed after the checks, so that a request they refuse leaves its key free: one write.
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(idempotencyKey, request);
        if (!claim.firstUse()) {
            Optional<Recorded> repeated = recordedBefore(claim.donationId(), request);
            if (repeated.isPresent()) {
                return repeated.get();
            }
            // A twin request with the same key got there first and is recording the donation.
            Optional<Donation> twin =
                    RecentlyPublished.find(() -> donations.findById(claim.donationId()), publicationGrace);
            if (twin.isPresent()) {
                return new Recorded(twin.get(), false);
            }
            // The first attempt stopped before recording: carry on, with the id it was given.
        }
        // The last unit of a limited reward goes to one donor only; the other is refused before paying.
        if (request.rewardId() != null && !rewardStocks.claim(request.rewardId())) {
            throw new DonationRefused(
                    HttpStatus.CONFLICT, "rewardId", "This reward is sold out: choose another one, or none");
        }
        // Also reached when a first attempt claimed the key and stopped before recording: its id is reused.
        Donation pending;
        try {
            Donation gift = Donation.pending(
                    claim.donationId(),
                    campaign.campaignId(),
                    campaign.organisationId(),
                    amount,
                    request.toDonor(),
                    Boolean.TRUE.equals(request.anonymous()),
                    blankToNull(request.message()),
                    blankToNull(request.rewardId()),
                    blankToNull(request.fundraiser()),
                    Boolean.TRUE.equals(request.newsConsent()),
                    request.paymentMethod(),
                    paymentProvider.kind(),
                    clock.instant());
            if (receiptAddress != null) {
                gift.withReceiptTo(receiptAddress);
            }
            gift.cameThrough(request.utm());
            gift.votesFor(blankToNull(request.pollOption()));
            moderation
                    .heldFor(campaign.organisationId(), gift.message())
                    .ifPresent(word -> gift.holdMessage(word, clock.instant()));
            if (request.frequencyOrOnce().recurring()) {
                gift.chargeOf(RecurringGifts.subscriptionIdOf(gift.id()), 0, 0);
                gift.managedAt(recurring.manageLinkFor(gift));
            }
            pending = lifecycle.record(gift);
        } catch (DuplicateKeyException concurrentTwin) {
            if (request.rewardId() != null) {
                rewardStocks.release(request.rewardId()); // the twin holds the unit for this gift
            }
            // A concurrent request with the same key recorded it a moment ago and is starting its payment.
            return new Recorded(donations.findById(claim.donationId()).orElseThrow(), false);
        }
        if (request.frequencyOrOnce().recurring()) {
            recurring.start(pending, request.frequencyOrOnce());
        }
        return new Recorded(lifecycle.startPayment(pending), claim.firstUse());
    }

    /** The gift a first attempt with this key recorded, if any, its payment started if it had not. */
    private Optional<Recorded> recordedBefore(String donationId, DonationRequest request) {
        return donations.findById(donationId).map(first -> new Recorded(finishPayment(first, request), false));
    }

    /** A repeated request whose first attempt stopped before the payment started starts it now. */
    private Donation finishPayment(Donation donation, DonationRequest request) {
        if (donation.subscriptionId() != null) {
            recurring.start(donation, request.frequencyOrOnce()); // in case the first attempt stopped before
        }
        boolean paymentNeverStarted =
                donation.status() == DonationStatus.PENDING && donation.paymentReference() == null;
        return paymentNeverStarted ? lifecycle.startPayment(donation) : donation;
    }

    private CampaignSnapshot acceptingCampaign(CampaignId campaignId) {
        CampaignSnapshot campaign = liveCampaigns
                .find(campaignId)
                .orElseThrow(() -> new DonationRefused(
                        HttpStatus.CONFLICT, "campaignId", "Campaign " + campaignId + " is not accepting gifts"));
        if (!campaign.live()) {
            throw new DonationRefused(
                    HttpStatus.CONFLICT,
                    "campaignId",
                    "Campaign " + campaignId + " has ended and accepts no more gifts");
        }
        return campaign;
    }

    private void check(
            DonationRequest request, Money amount, CampaignSnapshot campaign, PaymentProvider paymentProvider) {
        if (!amount.currency().equals(campaign.currency())) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount.currency",
                    "This campaign collects in " + campaign.currency() + ", not " + amount.currency());
        }
        if (amount.amount() < limits.min() || amount.amount() > limits.max()) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount.amount",
                    "A gift must be between " + limits.min() + " and " + limits.max() + " minor units of "
                            + campaign.currency());
        }
        if (request.rewardId() != null && !request.rewardId().isBlank()) {
            CampaignSnapshot.RewardSnapshot reward = campaign.reward(request.rewardId())
                    .orElseThrow(() -> new DonationRefused(
                            HttpStatus.UNPROCESSABLE_CONTENT, "rewardId", "This campaign offers no such reward"));
            if (!amount.isAtLeast(reward.minAmount())) {
                throw new DonationRefused(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "amount.amount",
                        "The reward '" + reward.title() + "' needs a gift of at least "
                                + reward.minAmount().amount() + " minor units");
            }
        }
        if (request.pollOption() != null
                && !request.pollOption().isBlank()
                && !campaign.takesVotesFor(request.pollOption())) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "pollOption",
                    "This campaign has no open poll with the option '" + request.pollOption()
                            + "': the poll may have closed, give without voting");
        }
        if (request.fundraiser() != null) {
            boolean underThisCampaign = RecentlyPublished.find(
                            () -> fundraiserPages.findById(request.fundraiser()), publicationGrace)
                    .filter(page -> page.campaignId().equals(campaign.campaignId()))
                    .isPresent();
            if (!underThisCampaign) {
                throw new DonationRefused(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "fundraiser",
                        "This campaign has no collection page '" + request.fundraiser() + "'");
            }
        }
        if (request.frequencyOrOnce().recurring()) {
            if (request.rewardId() != null && !request.rewardId().isBlank()) {
                throw new DonationRefused(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "rewardId",
                        "A monthly or yearly gift takes no reward: give once to receive one");
            }
            if (!paymentProvider.takesRepeatCharges()) {
                throw new DonationRefused(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "frequency",
                        "This organisation's payment provider takes no monthly or yearly gifts through Tirelire: give once");
            }
        }
        DonationRefused.unlessTakenBy(paymentProvider, request.paymentMethod());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
