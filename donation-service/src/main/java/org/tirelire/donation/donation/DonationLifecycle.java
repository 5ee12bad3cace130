package org.tirelire.donation.donation;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.donation.audit.AuditTrail;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.LiveCampaigns;
import org.tirelire.donation.payment.PaymentOutcome;
import org.tirelire.donation.payment.PaymentOutcomes;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentProviders;
import org.tirelire.donation.payment.PaymentRefused;
import org.tirelire.donation.payment.PaymentRequest;
import org.tirelire.donation.reward.RewardStocks;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.security.Organiser;

/** Moves donations through their lifecycle; every transition is stored together with its event. */
@Component
public class DonationLifecycle implements PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DonationLifecycle.class);

    private final DonationRepository donations;
    private final AggregateUpdates updates;
    private final PaymentProviders providers;
    private final RewardStocks rewardStocks;
    private final LiveCampaigns campaigns;
    private final DonationPages pages;
    private final AuditTrail auditTrail;
    private final AwaitedPayments awaitedPayments;
    private final Clock clock;

    private final GiftMetrics metrics;

    DonationLifecycle(
            DonationRepository donations,
            AggregateUpdates updates,
            PaymentProviders providers,
            RewardStocks rewardStocks,
            LiveCampaigns campaigns,
            DonationPages pages,
            AuditTrail auditTrail,
            AwaitedPayments awaitedPayments,
            GiftMetrics metrics,
            Clock clock) {
        this.awaitedPayments = awaitedPayments;
        this.metrics = metrics;
        this.donations = donations;
        this.updates = updates;
        this.providers = providers;
        this.rewardStocks = rewardStocks;
        this.campaigns = campaigns;
        this.pages = pages;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public Donation record(Donation donation) {
        Donation recorded = updates.insert(donations, donation);
        metrics.accepted(recorded.amount());
        return recorded;
    }

    /**
     * Hands a pending donation, as just read or written, to the provider of its organisation; a decline
     * fails it at once. A provider that hosts its own payment page gives its address, where the donor is
     * sent next.
     */
    public Donation startPayment(Donation donation) {
        PaymentProvider provider = providerOf(donation);
        PaymentProvider.PaymentStart start = provider.start(new PaymentRequest(
                DonationId.of(donation.id()),
                donation.amount(),
                donation.paymentMethod(),
                pages.statusPageOf(donation.id()),
                descriptionOf(donation),
                donation.donor() == null
                        ? null
                        : new PaymentRequest.Payer(
                                donation.donor().firstName(),
                                donation.donor().lastName(),
                                donation.donor().email()),
                donation.recurrence(),
                donation.mandate()));
        EndingGivesRewardBack starting = new EndingGivesRewardBack(pending -> {
            if (start instanceof PaymentProvider.PaymentStart.Declined declined) {
                return pending.fail(declined.reason(), clock.instant());
            } else if (start instanceof PaymentProvider.PaymentStart.Accepted accepted) {
                pending.awaitPayment(accepted.paymentReference(), accepted.redirect());
            } else if (start instanceof PaymentProvider.PaymentStart.Paid paid) {
                pending.awaitPayment(paid.paymentReference(), null);
                if (paid.amount().equals(pending.amount())) {
                    pending.confirm(paid.paymentReference(), clock.instant());
                } else {
                    log.error(
                            "Payment {} for donation {} took {}, not the gift's {}: not confirmed",
                            paid.paymentReference(),
                            pending.id(),
                            paid.amount(),
                            pending.amount());
                }
            }
            return false;
        });
        Donation started = starting.savedThrough(updates.updateFrom(
                donations, donation, donation.id(), () -> new DonationNotFound(donation.id()), starting));
        if (started.status() == DonationStatus.PENDING && started.paymentReference() != null) {
            awaitedPayments.keep(started);
        }
        return started;
    }

    /**
     * What the provider says becomes the gift's state, whatever order it comes in. A payment whose amount
     * or currency is not the gift's never confirms it: the gift stays pending and the mismatch is logged
     * for the organiser to look into with the provider. A gift whose payment this instance started is
     * settled from the copy it wrote then ({@link AwaitedPayments}), which spares the webhook a read.
     */
    @Override
    public void settle(PaymentOutcome outcome) {
        String donationId = outcome.donationId().value();
        EndingGivesRewardBack settlement = new EndingGivesRewardBack(donation -> {
            if (outcome.succeeded() && outcome.paid() != null && !outcome.paid().equals(donation.amount())) {
                log.error(
                        "Payment {} for donation {} took {}, not the gift's {}: not confirmed",
                        outcome.paymentReference(),
                        donation.id(),
                        outcome.paid(),
                        donation.amount());
            } else if (outcome.succeeded() && donation.status() == DonationStatus.FAILED) {
                // Providers do not take money after saying they would not; if one ever does, a person must look.
                log.error(
                        "Payment {} for donation {} succeeded after the gift failed: refund it from the provider",
                        outcome.paymentReference(),
                        donation.id());
            } else if (outcome.succeeded()) {
                if (donation.confirm(outcome.paymentReference(), clock.instant())) {
                    log.info("Donation {} confirmed", donation.id());
                }
            } else if (donation.status() != DonationStatus.PENDING) {
                // Webhooks come in any order: a session expiring after its payment went through says nothing.
                log.info(
                        "Donation {} is {}: the failure reported now changes nothing",
                        donation.id(),
                        donation.status());
            } else {
                return donation.fail(outcome.reason(), clock.instant());
            }
            return false;
        });
        Supplier<DonationNotFound> notFound = () -> new DonationNotFound(donationId);
        Donation latest = awaitedPayments
                .take(donationId)
                .orElseGet(() -> donations.findById(donationId).orElseThrow(notFound));
        Donation settled =
                settlement.savedThrough(updates.updateFrom(donations, latest, donationId, notFound, settlement));
        givenBackIfItsCampaignGaveItsGiftsBack(settled);
    }

    /**
     * A gift confirmed after its campaign ended giving every gift back (an all-or-nothing goal missed, a
     * campaign cancelled) is given back at once: its donor paid on the provider's page, or their bank cleared
     * a debit, after the campaign's refunds ran. The campaign is read after the confirmation is saved, so that
     * a copy from before the end means the confirmation was stored in time for those refunds (ADR 51). A
     * provider that does not answer fails the webhook, which the provider sends again.
     */
    private void givenBackIfItsCampaignGaveItsGiftsBack(Donation settled) {
        if (settled.status() != DonationStatus.CONFIRMED
                || !campaigns
                        .recentCopy(settled.campaignId())
                        .map(CampaignSnapshot::givesGiftsBack)
                        .orElse(false)) {
            return;
        }
        try {
            refund(settled, null);
            log.info(
                    "Donation {} was confirmed after campaign {} gave its gifts back: refunded",
                    settled.id(),
                    settled.campaignId());
        } catch (PaymentRefused refusal) {
            log.error(
                    "Donation {} was confirmed after campaign {} gave its gifts back, and was not refunded: {}",
                    settled.id(),
                    settled.campaignId(),
                    refusal.getMessage());
        }
    }

    /**
     * A gift whose payment never started (the provider did not answer, and the donor never tried again)
     * fails, so that its reward's unit is offered again; a payment started meanwhile keeps it.
     */
    void abandonUnstarted(String donationId) {
        EndingGivesRewardBack abandoning =
                new EndingGivesRewardBack(donation -> donation.status() == DonationStatus.PENDING
                        && donation.paymentReference() == null
                        && donation.fail("The payment never started: the provider did not answer", clock.instant()));
        abandoning.savedThrough(update(donationId, abandoning));
        if (abandoning.ended) {
            log.info("Donation {} failed: its payment never started", donationId);
        }
    }

    /**
     * The organiser refunds a confirmed gift, and their organisation's audit log says so; asking again for a
     * refunded one answers the same and changes nothing.
     */
    public Donation refund(DonationId donationId, Organiser by) {
        return refund(ownedBy(donationId, by), by);
    }

    /** The gift, if it is this organiser's organisation's: another organisation's gift does not exist for them. */
    private Donation ownedBy(DonationId donationId, Organiser by) {
        return donations
                .findById(donationId.value())
                .filter(found -> found.isOwnedBy(by.organisationId()))
                .orElseThrow(() -> new DonationNotFound(donationId.value()));
    }

    /**
     * Gives back every confirmed gift of a campaign that failed its all-or-nothing goal or was cancelled. A
     * gift its provider will not refund stays confirmed, logged for the organiser, and the others go on; a
     * provider that does not answer stops the run, which is tried again.
     */
    public int refundAllOf(CampaignId campaignId) {
        int refunded = 0;
        Set<String> refused = new HashSet<>();
        List<Donation> batch;
        do {
            batch = donations
                    .findByCampaignIdAndStatusOrderByConfirmedAtDesc(
                            campaignId.value(), DonationStatus.CONFIRMED, PageRequest.of(0, 100 + refused.size()))
                    .stream()
                    .filter(donation -> !refused.contains(donation.id()))
                    .toList();
            for (Donation donation : batch) {
                try {
                    refund(donation, null);
                    refunded++;
                } catch (PaymentRefused refusal) {
                    refused.add(donation.id());
                    log.error(
                            "Gift {} of campaign {} was not refunded: {}",
                            donation.id(),
                            campaignId,
                            refusal.getMessage());
                }
            }
        } while (!batch.isEmpty());
        return refunded;
    }

    /** @param by the organiser who asked for it; null when the end of its campaign gives the gift back */
    private Donation refund(Donation donation, @Nullable Organiser by) {
        if (donation.status() == DonationStatus.REFUNDED) {
            return donation;
        }
        if (donation.status() != DonationStatus.CONFIRMED) {
            throw new IllegalDonationTransition(donation.id(), donation.status(), DonationStatus.REFUNDED);
        }
        // The money goes back first: if the provider refuses, the gift stays confirmed and still counts.
        if (donation.offlineMethod() == null) {
            providerFor(donation).refund(DonationId.of(donation.id()), donation.paymentReference(), donation.amount());
        }
        EndingGivesRewardBack refunding = new EndingGivesRewardBack(confirmed -> {
            boolean refundedNow = confirmed.refund(clock.instant());
            if (refundedNow && by != null) {
                confirmed.report(auditTrail.taken(
                        by,
                        AuditAction.GIFT_REFUNDED,
                        "gift " + confirmed.id() + " of " + AuditTrail.amount(confirmed.amount())));
            }
            return refundedNow;
        });
        return refunding.savedThrough(update(donation.id(), refunding));
    }

    /**
     * Erases a donor's personal data from every gift they made to this organisation's campaigns, at their
     * request (the organisation is who the donor gave their data to). Amounts stay for the accounts. The
     * audit log says how many gifts were erased, never whose.
     *
     * @return how many gifts were erased by this call
     */
    public int eraseDonor(Organiser by, String email) {
        String organisationId = by.organisationId();
        int erased = 0;
        for (Donation gift : donations.findByOrganisationIdAndDonorEmailIgnoreCase(organisationId, email.strip())) {
            awaitedPayments.forget(gift.id());
            Donation updated = update(gift.id(), donation -> {
                donation.eraseDonor(clock.instant());
                return donation;
            });
            if (updated.donorErasedAt() != null && gift.donorErasedAt() == null) {
                erased++;
            }
        }
        log.info("Erased the donor's personal data from {} gifts of organisation {}", erased, organisationId);
        auditTrail.report(by, AuditAction.DONOR_ERASED, "a donor's personal data, on " + erased + " gift(s)");
        return erased;
    }

    /** The provider a new gift's payment starts with: its organisation's, as recorded on the gift. */
    private PaymentProvider providerOf(Donation donation) {
        return providers.forOrganisation(donation.organisationId());
    }

    /**
     * The provider that took a gift's payment, to refund it: the organisation's, unless it has moved to
     * another provider since, which cannot give back what it did not take.
     */
    PaymentProvider providerFor(Donation donation) {
        PaymentProvider current = providers.forOrganisation(donation.organisationId());
        if (current.kind() != donation.paymentProvider()) {
            throw new PaymentRefused(
                    "This gift was paid through " + donation.paymentProvider().pathName()
                            + ", which no longer takes this organisation's gifts: refund it from there");
        }
        return current;
    }

    private String descriptionOf(Donation donation) {
        return campaigns
                .recentCopy(donation.campaignId())
                .map(CampaignSnapshot::title)
                .map(title -> "Don à « " + title + " »")
                .orElse("Don");
    }

    /**
     * A change that may end a gift (fail or refund it). Its reward's unit is given back once that is saved,
     * from what was saved: an attempt the store refused (another writer got there first) is made again on a
     * fresh copy, and only the saved attempt counts.
     */
    private final class EndingGivesRewardBack implements Function<Donation, Donation> {

        /** Makes the change; true when it ended the gift. */
        private final Predicate<Donation> endsTheGift;

        private boolean ended;

        EndingGivesRewardBack(Predicate<Donation> endsTheGift) {
            this.endsTheGift = endsTheGift;
        }

        @Override
        public Donation apply(Donation donation) {
            ended = endsTheGift.test(donation);
            return donation;
        }

        Donation savedThrough(Donation saved) {
            if (ended) {
                releaseReward(saved);
            }
            return saved;
        }
    }

    /** A gift that failed or was refunded gives its reward's unit back for someone else. */
    private void releaseReward(Donation donation) {
        if (donation.rewardId() != null) {
            rewardStocks.release(donation.rewardId());
        }
    }

    /** The organisation hides a donor's message from its public wall (an insult, a phone number…). */
    public Donation hideMessage(DonationId donationId, Organiser by) {
        return update(ownedBy(donationId, by).id(), gift -> {
            gift.hideMessage(clock.instant());
            return gift;
        });
    }

    /** The organisation shows a donor's message it held for a word or hid. */
    public Donation showMessage(DonationId donationId, Organiser by) {
        return update(ownedBy(donationId, by).id(), gift -> {
            gift.showMessage();
            return gift;
        });
    }

    private Donation update(String donationId, Function<Donation, Donation> change) {
        return updates.update(donations, donationId, () -> new DonationNotFound(donationId), change);
    }
}
