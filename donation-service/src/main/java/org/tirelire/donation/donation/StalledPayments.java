package org.tirelire.donation.donation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.donation.payment.PaymentOutcomes;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentRefused;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.ProviderUnavailable;

/**
 * Gifts whose payment started a while ago and still has no outcome: the provider's webhook was lost, or
 * this service stopped before it came. The sandbox is asked to send its webhook again after
 * {@code follow-up-after}; a real provider is asked for the payment's state every {@code reconcile-every},
 * once the donor has had {@code reconcile-after} to pay on its page, for as long as it may still send
 * webhooks ({@code reconcile-within}, Stripe retries for three days). Every instance may ask; an outcome
 * heard twice changes nothing more.
 */
@Component
class StalledPayments {

    private static final Logger log = LoggerFactory.getLogger(StalledPayments.class);

    private final DonationRepository donations;
    private final DonationLifecycle lifecycle;
    private final PaymentOutcomes outcomes;
    private final Duration followUpAfter;
    private final Duration reconcileAfter;
    private final Duration reconcileWithin;
    private final Duration abandonUnstartedAfter;
    private final Clock clock;

    StalledPayments(
            DonationRepository donations,
            DonationLifecycle lifecycle,
            PaymentOutcomes outcomes,
            @Value("${tirelire.payments.follow-up-after:10s}") Duration followUpAfter,
            @Value("${tirelire.payments.reconcile-after:15m}") Duration reconcileAfter,
            @Value("${tirelire.payments.reconcile-within:3d}") Duration reconcileWithin,
            @Value("${tirelire.payments.abandon-unstarted-after:1h}") Duration abandonUnstartedAfter,
            Clock clock) {
        this.donations = donations;
        this.lifecycle = lifecycle;
        this.outcomes = outcomes;
        this.followUpAfter = followUpAfter;
        this.reconcileAfter = reconcileAfter;
        this.reconcileWithin = reconcileWithin;
        this.abandonUnstartedAfter = abandonUnstartedAfter;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tirelire.payments.follow-up-after:10s}")
    void followUpSandbox() {
        donations
                .findByStatusAndPaymentReferenceNotNullAndCreatedAtBefore(
                        DonationStatus.PENDING, clock.instant().minus(followUpAfter))
                .stream()
                .filter(stalled -> stalled.paymentProvider() == ProviderKind.SANDBOX)
                .forEach(this::followUp);
    }

    @Scheduled(fixedDelayString = "${tirelire.payments.reconcile-every:5m}")
    void reconcile() {
        Instant now = clock.instant();
        Instant tooOld = now.minus(reconcileWithin);
        donations
                .findByStatusAndPaymentReferenceNotNullAndCreatedAtBefore(
                        DonationStatus.PENDING, now.minus(reconcileAfter))
                .stream()
                .filter(stalled -> stalled.paymentProvider() != ProviderKind.SANDBOX)
                .filter(stalled -> stalled.createdAt().isAfter(tooOld))
                .forEach(this::followUp);
    }

    /**
     * A gift recorded while its provider did not answer waits for the donor to try again with the same
     * key; after {@code abandon-unstarted-after} nobody will, and it fails.
     */
    @Scheduled(fixedDelayString = "${tirelire.payments.reconcile-every:5m}")
    void abandonNeverStarted() {
        donations
                .findByStatusAndPaymentReferenceIsNullAndCreatedAtBefore(
                        DonationStatus.PENDING, clock.instant().minus(abandonUnstartedAfter))
                .forEach(unstarted -> lifecycle.abandonUnstarted(unstarted.id()));
    }

    private void followUp(Donation stalled) {
        try {
            PaymentProvider provider = lifecycle.providerFor(stalled);
            provider.followUp(DonationId.of(stalled.id()), stalled.paymentReference())
                    .ifPresent(outcomes::settle);
        } catch (ProviderUnavailable unavailable) {
            log.warn("Payment of donation {} not followed up: {}", stalled.id(), unavailable.detail());
        } catch (PaymentRefused refused) {
            log.warn("Payment of donation {} not followed up: {}", stalled.id(), refused.getMessage());
        }
    }
}
