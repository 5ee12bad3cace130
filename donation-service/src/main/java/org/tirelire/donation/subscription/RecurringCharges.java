package org.tirelire.donation.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.GeneralFund;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.CampaignSnapshots;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.DonationLifecycle;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.donation.DonationStatus;
import org.tirelire.kit.messaging.AggregateUpdates;

/**
 * Charges every recurring gift that falls due, exactly once per period, also with two instances, restarts
 * and a process killed half-way (ADR 27):
 * <ol>
 *   <li>the period's charge is claimed in {@code subscription_charges}, under an id made of the
 *       subscription, the period and the attempt: one instance wins, the other moves on;
 *   <li>the subscription is read again, and only a charge it still waits for, and whose day has come, goes
 *       on (a cancellation between the claim and the charge stops it; a period is never charged before its
 *       day, whatever list of due gifts it was found in);
 *   <li>the charge is recorded as a donation whose id is derived from the claim, and its payment started;
 *   <li>the subscription moves to its next period.
 * </ol>
 * A claim older than {@code tirelire.subscriptions.stalled-claim-after} whose subscription still waits
 * for it was left half-way: any instance finishes it, with the same donation id, so nothing is charged twice.
 */
@Component
public class RecurringCharges {

    private static final Logger log = LoggerFactory.getLogger(RecurringCharges.class);
    private static final int BATCH = 100;

    private final SubscriptionRepository subscriptions;
    private final ChargeClaims claims;
    private final DonationRepository donations;
    private final DonationLifecycle lifecycle;
    private final CampaignSnapshots campaigns;
    private final AggregateUpdates updates;
    private final Subscriptions recurring;
    private final Duration yearlyNoticeAhead;
    private final Duration stalledClaimAfter;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    RecurringCharges(
            SubscriptionRepository subscriptions,
            ChargeClaims claims,
            DonationRepository donations,
            DonationLifecycle lifecycle,
            CampaignSnapshots campaigns,
            AggregateUpdates updates,
            Subscriptions recurring,
            @Value("${tirelire.subscriptions.stalled-claim-after:2m}") Duration stalledClaimAfter,
            @Value("${tirelire.subscriptions.yearly-notice-ahead:14d}") Duration yearlyNoticeAhead,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.claims = claims;
        this.donations = donations;
        this.lifecycle = lifecycle;
        this.campaigns = campaigns;
        this.updates = updates;
        this.recurring = recurring;
        this.yearlyNoticeAhead = yearlyNoticeAhead;
        this.stalledClaimAfter = stalledClaimAfter;
        this.clock = clock;
    }

    /**
     * Everything due now: notices of yearly charges to come, resumed pauses, then periods due, then retries.
     *
     * @return how many charges it made
     */
    @Scheduled(fixedDelayString = "${tirelire.subscriptions.charge-every:30s}")
    public int chargeDue() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            Instant now = clock.instant();
            recurring.noticeUpcomingYearlyCharges(yearlyNoticeAhead);
            for (Subscription paused :
                    subscriptions.findByStatusAndPausedUntilLessThanEqual(SubscriptionStatus.PAUSED, now)) {
                updates.update(subscriptions, paused.id(), IllegalStateException::new, subscription -> {
                    subscription.resume();
                    return subscription;
                });
            }
            int charged = 0;
            // Each pass charges one period per subscription: one that missed several (the service was down
            // for months, or the clock moved) is charged for each of them, a pass at a time.
            List<Subscription> due;
            do {
                due = subscriptions.findByStatusAndNextChargeAtLessThanEqualOrderByNextChargeAtAsc(
                        SubscriptionStatus.ACTIVE, now, PageRequest.of(0, BATCH));
                int before = charged;
                for (Subscription subscription : due) {
                    charged += charge(subscription, subscription.nextPeriod(), 0, now) ? 1 : 0;
                }
                if (charged == before) {
                    break; // what is left is another instance's to finish
                }
            } while (!due.isEmpty());
            for (Subscription retried : subscriptions.findByStatusAndRetryAtLessThanEqualOrderByRetryAtAsc(
                    SubscriptionStatus.ACTIVE, now, PageRequest.of(0, BATCH))) {
                charged += charge(retried, retried.retryPeriod(), retried.retryAttempt(), now) ? 1 : 0;
            }
            if (charged > 0) {
                log.info("{} recurring charges made", charged);
            }
            return charged;
        } finally {
            running.unlock();
        }
    }

    /** @return whether this call made the charge (false: another instance has it, or it is not due by now) */
    boolean charge(Subscription due, int period, int attempt, Instant now) {
        if (!due.dueBy(period, attempt, now)) {
            return false; // not yet: no claim, which would hold the period for stalled-claim-after once due
        }
        String claimId = ChargeClaim.idOf(due.id(), period, attempt);
        ChargeClaim claim =
                new ChargeClaim(claimId, due.id(), period, attempt, ChargeClaim.donationIdOf(claimId), clock.instant());
        try {
            claims.insert(claim);
        } catch (DuplicateKeyException claimedBefore) {
            ChargeClaim earlier = claims.findById(claimId).orElse(claim);
            if (Duration.between(earlier.claimedAt(), clock.instant()).compareTo(stalledClaimAfter) < 0) {
                return false; // another instance is making it
            }
            claim = earlier; // left half-way: finish it, with its donation id
        }
        Subscription subscription = subscriptions.findById(due.id()).orElse(null);
        if (subscription == null || !subscription.dueBy(period, attempt, now)) {
            return false; // cancelled, paused or charged meanwhile, or not yet due
        }
        // A campaign counts the charges it receives while live; after, they support the general fund (ADR 28).
        boolean campaignLive = campaigns
                .findById(subscription.campaignId())
                .filter(CampaignSnapshot::live)
                .isPresent();
        if (!campaignLive && subscription.generalFundSince() == null) {
            subscription = recurring.campaignEndedBeforeCharge(subscription);
        }
        Donation charge = donations.findById(claim.donationId()).orElse(null);
        if (charge == null) {
            Donation pending = Donation.pending(
                            claim.donationId(),
                            campaignLive ? subscription.campaignId() : GeneralFund.of(subscription.organisationId()),
                            subscription.organisationId(),
                            subscription.amount(),
                            subscription.donor(),
                            false,
                            null,
                            null,
                            null,
                            false,
                            subscription.paymentMethod(),
                            subscription.provider(),
                            clock.instant())
                    .chargeOf(subscription.id(), period, attempt)
                    .takenWith(subscription.mandate());
            pending.managedAt(recurring.manageLinkFor(pending));
            if (subscription.receiptWanted() && subscription.donor().address() != null) {
                pending.withReceiptTo(subscription.donor().address());
            }
            try {
                charge = lifecycle.record(pending);
            } catch (DuplicateKeyException recordedMeanwhile) {
                charge = donations.findById(claim.donationId()).orElseThrow();
            }
        }
        if (charge.status() == DonationStatus.PENDING && charge.paymentReference() == null) {
            charge = lifecycle.startPayment(charge);
        }
        String donationId = charge.id();
        log.info(
                "Subscription {}: period {} (attempt {}), due {}, charged at {} as donation {}",
                subscription.id(),
                period,
                attempt,
                attempt == 0 ? subscription.nextChargeAt() : subscription.retryAt(),
                now,
                donationId);
        updates.update(subscriptions, subscription.id(), IllegalStateException::new, charged -> {
            charged.charged(period, attempt, donationId);
            return charged;
        });
        return true;
    }
}
