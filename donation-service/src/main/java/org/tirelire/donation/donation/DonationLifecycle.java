package org.tirelire.donation.donation;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.donation.payment.PaymentOutcome;
import org.tirelire.donation.payment.PaymentOutcomes;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentRequest;
import org.tirelire.donation.reward.RewardStocks;
import org.tirelire.kit.messaging.AggregateUpdates;

/** Moves donations through their lifecycle; every transition is stored together with its event. */
@Component
public class DonationLifecycle implements PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DonationLifecycle.class);

    private final DonationRepository donations;
    private final AggregateUpdates updates;
    private final PaymentProvider paymentProvider;
    private final RewardStocks rewardStocks;
    private final DonationPages pages;
    private final Clock clock;

    DonationLifecycle(
            DonationRepository donations,
            AggregateUpdates updates,
            PaymentProvider paymentProvider,
            RewardStocks rewardStocks,
            DonationPages pages,
            Clock clock) {
        this.donations = donations;
        this.updates = updates;
        this.paymentProvider = paymentProvider;
        this.rewardStocks = rewardStocks;
        this.pages = pages;
        this.clock = clock;
    }

    public Donation record(Donation donation) {
        return updates.insert(donations, donation);
    }

    /** Hands a pending donation to the payment provider; a decline fails it at once. */
    public Donation startPayment(Donation donation) {
        PaymentProvider.PaymentStart start = paymentProvider.start(new PaymentRequest(
                DonationId.of(donation.id()),
                donation.amount(),
                donation.paymentMethod(),
                pages.statusPageOf(donation.id())));
        return update(donation.id(), pending -> {
            if (start instanceof PaymentProvider.PaymentStart.Declined declined) {
                if (pending.fail(declined.reason(), clock.instant())) {
                    releaseReward(pending);
                }
            } else if (start instanceof PaymentProvider.PaymentStart.Accepted accepted) {
                pending.awaitPayment(accepted.paymentReference());
            }
            return pending;
        });
    }

    @Override
    public void settle(PaymentOutcome outcome) {
        update(outcome.donationId().value(), donation -> {
            if (outcome.succeeded()) {
                if (donation.confirm(outcome.paymentReference(), clock.instant())) {
                    log.info("Donation {} confirmed", donation.id());
                }
            } else if (donation.fail(outcome.reason(), clock.instant())) {
                releaseReward(donation);
            }
            return donation;
        });
    }

    /** The organiser refunds a confirmed gift; asking again for a refunded one answers the same and changes nothing. */
    public Donation refund(DonationId donationId, String organisationId) {
        Donation donation = donations
                .findById(donationId.value())
                .filter(found -> found.isOwnedBy(organisationId)) // another organisation's gift does not exist for them
                .orElseThrow(() -> new DonationNotFound(donationId.value()));
        return refund(donation);
    }

    /** Gives back every confirmed gift of a campaign that failed its all-or-nothing goal or was cancelled. */
    public int refundAllOf(CampaignId campaignId) {
        int refunded = 0;
        List<Donation> batch;
        do {
            batch = donations.findByCampaignIdAndStatusOrderByConfirmedAtDesc(
                    campaignId.value(), DonationStatus.CONFIRMED, PageRequest.of(0, 100));
            for (Donation donation : batch) {
                refund(donation);
                refunded++;
            }
        } while (!batch.isEmpty());
        return refunded;
    }

    private Donation refund(Donation donation) {
        if (donation.status() == DonationStatus.REFUNDED) {
            return donation;
        }
        if (donation.status() != DonationStatus.CONFIRMED) {
            throw new IllegalDonationTransition(donation.id(), donation.status(), DonationStatus.REFUNDED);
        }
        // The money goes back first: if the provider refuses, the gift stays confirmed and still counts.
        if (donation.offlineMethod() == null) {
            paymentProvider.refund(donation.paymentReference(), donation.amount());
        }
        Donation refunded = update(donation.id(), confirmed -> {
            confirmed.refund(clock.instant());
            return confirmed;
        });
        if (donation.status() == DonationStatus.CONFIRMED) {
            releaseReward(refunded);
        }
        return refunded;
    }

    /**
     * Erases a donor's personal data from every gift they made to this organisation's campaigns, at their
     * request (the organisation is who the donor gave their data to). Amounts stay for the accounts.
     *
     * @return how many gifts were erased by this call
     */
    public int eraseDonor(String organisationId, String email) {
        int erased = 0;
        for (Donation gift : donations.findByOrganisationIdAndDonorEmailIgnoreCase(organisationId, email.strip())) {
            Donation updated = update(gift.id(), donation -> {
                donation.eraseDonor(clock.instant());
                return donation;
            });
            if (updated.donorErasedAt() != null && gift.donorErasedAt() == null) {
                erased++;
            }
        }
        log.info("Erased the donor's personal data from {} gifts of organisation {}", erased, organisationId);
        return erased;
    }

    /** A gift that failed or was refunded gives its reward's unit back for someone else. */
    private void releaseReward(Donation donation) {
        if (donation.rewardId() != null) {
            rewardStocks.release(donation.rewardId());
        }
    }

    private Donation update(String donationId, Function<Donation, Donation> change) {
        return updates.update(donations, donationId, () -> new DonationNotFound(donationId), change);
    }
}
