package org.tirelire.donation.donation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.LiveCampaigns;
import org.tirelire.donation.fundraiser.FundraiserPageRefs;
import org.tirelire.donation.idempotency.IdempotencyKeyReused;
import org.tirelire.donation.idempotency.IdempotencyKeys;
import org.tirelire.donation.idempotency.KeysClaimedApart;
import org.tirelire.donation.moderation.MessageModeration;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentProviders;
import org.tirelire.donation.reward.RewardStocks;
import org.tirelire.kit.messaging.RecentlyPublished;

/**
 * A donor gives. Every check runs before anything is stored; then the donation is recorded as PENDING with
 * its idempotency key, which that one insert claims (ADR 45), and its payment started from the copy just
 * written. Repeating the request returns the same donation, and finishes the work if the first attempt
 * stopped half-way.
 */
@Component
public class RecordDonation {

    private final IdempotencyKeys idempotencyKeys;
    private final KeysClaimedApart keysClaimedApart;
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
            KeysClaimedApart keysClaimedApart,
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
        this.keysClaimedApart = keysClaimedApart;
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
        String fingerprint = idempotencyKeys.fingerprint(request);
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
            Optional<Recorded> repeated = givenBefore(
                            idempotencyKey, fingerprint, keysClaimedApart.giftIdClaimedFor(idempotencyKey, fingerprint))
                    .map(first -> repeated(first, request));
            if (repeated.isPresent()) {
                return repeated.get();
            }
            throw refused;
        }

        // Nothing is read before the gift's insert, which claims its key (ADR 45), but when a repeat must not
        // claim a reward's unit, or the key may have been claimed apart, under another id, before an upgrade.
        Optional<String> claimedApart = keysClaimedApart.giftIdClaimedFor(idempotencyKey, fingerprint);
        if (claimedApart.isPresent() || request.rewardId() != null) {
            Optional<Donation> first = givenBefore(idempotencyKey, fingerprint, claimedApart);
            if (first.isPresent()) {
                return repeated(first.get(), request);
            }
        }
        // The last unit of a limited reward goes to one donor only; the other is refused before paying, unless
        // it is a twin request with this key, whose gift took the unit a moment ago.
        if (request.rewardId() != null && !rewardStocks.claim(request.rewardId())) {
            return RecentlyPublished.find(
                            () -> givenBefore(idempotencyKey, fingerprint, claimedApart), publicationGrace)
                    .map(twins -> repeated(twins, request))
                    .orElseThrow(() -> new DonationRefused(
                            HttpStatus.CONFLICT, "rewardId", "This reward is sold out: choose another one, or none"));
        }
        Donation pending;
        try {
            Donation gift = Donation.pending(
                            claimedApart.orElseGet(() -> UUID.randomUUID().toString()),
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
                            clock.instant())
                    .requestedWith(idempotencyKey, fingerprint);
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
        } catch (DuplicateKeyException keyClaimed) {
            if (request.rewardId() != null) {
                rewardStocks.release(request.rewardId()); // the first gift with this key holds the unit
            }
            // A twin request with this key recorded its gift a moment ago, or a first attempt did before it
            // stopped: either way that gift is the answer.
            return givenBefore(idempotencyKey, fingerprint, claimedApart)
                    .map(first -> repeated(first, request))
                    .orElseThrow(() -> keyClaimed);
        }
        if (request.frequencyOrOnce().recurring()) {
            recurring.start(pending, request.frequencyOrOnce());
        }
        return new Recorded(lifecycle.startPayment(pending), true);
    }

    /**
     * The gift an earlier request with this key made, if any: kept under the key, or under the id the key was
     * claimed apart for.
     *
     * @param claimedApart what {@link KeysClaimedApart} answered for this key
     * @throws IdempotencyKeyReused when the key first came with another body
     */
    private Optional<Donation> givenBefore(String key, String fingerprint, Optional<String> claimedApart) {
        Optional<Donation> first = donations.findByIdempotencyKey(key);
        first.ifPresent(gift -> IdempotencyKeys.requireSameRequest(key, gift.requestFingerprint(), fingerprint));
        if (first.isPresent()) {
            return first;
        }
        Optional<Donation> claimedFor = claimedApart.flatMap(donations::findById);
        if (claimedFor.isPresent() && claimedFor.get().donorErasedAt() != null) {
            throw new IdempotencyKeyReused(key); // as for a gift that kept its key: its fingerprint went with its donor
        }
        return claimedFor;
    }

    /**
     * A repeated request is answered with its first attempt's gift, its payment started if that attempt
     * stopped before. A gift recorded a moment ago is a twin request's, which is starting its payment: its
     * start is awaited, not made twice (a provider may refuse a second start while the first runs).
     */
    private Recorded repeated(Donation first, DonationRequest request) {
        if (paymentNeverStarted(first)
                && first.createdAt().isAfter(clock.instant().minus(publicationGrace))) {
            Optional<Donation> started = RecentlyPublished.find(
                    () -> donations.findById(first.id()).filter(gift -> !paymentNeverStarted(gift)), publicationGrace);
            if (started.isPresent()) {
                return new Recorded(started.get(), false);
            }
        }
        if (first.subscriptionId() != null) {
            recurring.start(first, request.frequencyOrOnce()); // in case the first attempt stopped before
        }
        return new Recorded(paymentNeverStarted(first) ? lifecycle.startPayment(first) : first, false);
    }

    private static boolean paymentNeverStarted(Donation gift) {
        return gift.status() == DonationStatus.PENDING && gift.paymentReference() == null;
    }

    private CampaignSnapshot acceptingCampaign(CampaignId campaignId) {
        CampaignSnapshot campaign = liveCampaigns
                .find(campaignId)
                .orElseThrow(() -> liveCampaigns.publicationMayBeOnItsWay(campaignId)
                        ? new CampaignNotHeardOfYet(campaignId)
                        : new DonationRefused(
                                HttpStatus.CONFLICT,
                                "campaignId",
                                "Campaign " + campaignId + " is not accepting gifts"));
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
