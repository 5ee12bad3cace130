package org.tirelire.donation.donation;

import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.donation.payment.PaymentOutcome;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.kit.messaging.AggregateUpdates;

/** Moves donations through their lifecycle; every transition is stored together with its event. */
@Component
public class DonationLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DonationLifecycle.class);

    private final DonationRepository donations;
    private final AggregateUpdates updates;
    private final PaymentProvider paymentProvider;
    private final Clock clock;

    DonationLifecycle(
            DonationRepository donations, AggregateUpdates updates, PaymentProvider paymentProvider, Clock clock) {
        this.donations = donations;
        this.updates = updates;
        this.paymentProvider = paymentProvider;
        this.clock = clock;
    }

    public Donation record(Donation donation) {
        return updates.insert(donations, donation);
    }

    /** Hands a pending donation to the payment provider; a decline fails it at once. */
    public Donation startPayment(Donation donation) {
        PaymentProvider.PaymentStart start = paymentProvider.start(donation, donation.paymentMethod());
        return update(donation.id(), pending -> {
            if (start instanceof PaymentProvider.PaymentStart.Declined declined) {
                pending.fail(declined.reason(), clock.instant());
            } else if (start instanceof PaymentProvider.PaymentStart.Accepted accepted) {
                pending.awaitPayment(accepted.paymentReference());
            }
            return pending;
        });
    }

    public void paymentOutcome(PaymentOutcome outcome) {
        update(outcome.donationId(), donation -> {
            if (outcome.succeeded()) {
                if (donation.confirm(outcome.paymentReference(), clock.instant())) {
                    log.info("Donation {} confirmed", donation.id());
                }
            } else {
                donation.fail(outcome.reason(), clock.instant());
            }
            return donation;
        });
    }

    /** Refunds a confirmed gift; asking again for a refunded one answers the same and changes nothing. */
    public Donation refund(String donationId, String organisationId) {
        Donation donation = donations
                .findById(donationId)
                .filter(found -> found.isOwnedBy(organisationId)) // another organisation's gift does not exist for them
                .orElseThrow(() -> new DonationNotFound(donationId));
        if (donation.status() == DonationStatus.REFUNDED) {
            return donation;
        }
        if (donation.status() != DonationStatus.CONFIRMED) {
            throw new IllegalDonationTransition(donationId, donation.status(), DonationStatus.REFUNDED);
        }
        // The money goes back first: if the provider refuses, the gift stays confirmed and still counts.
        if (donation.offlineMethod() == null) {
            paymentProvider.refund(donation);
        }
        return update(donationId, confirmed -> {
            confirmed.refund(clock.instant());
            return confirmed;
        });
    }

    private Donation update(String donationId, Function<Donation, Donation> change) {
        return updates.update(donations, donationId, () -> new DonationNotFound(donationId), change);
    }
}
