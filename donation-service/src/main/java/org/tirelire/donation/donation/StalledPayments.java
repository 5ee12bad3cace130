package org.tirelire.donation.donation;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.donation.payment.PaymentProvider;

/**
 * Gifts whose payment started a while ago and still has no outcome (the provider's webhook was lost, or
 * this service stopped before it came): the provider is asked to tell it again. Every instance may ask;
 * an outcome heard twice changes nothing more.
 */
@Component
class StalledPayments {

    private final DonationRepository donations;
    private final PaymentProvider paymentProvider;
    private final Duration followUpAfter;
    private final Clock clock;

    StalledPayments(
            DonationRepository donations,
            PaymentProvider paymentProvider,
            @Value("${tirelire.payments.follow-up-after:10s}") Duration followUpAfter,
            Clock clock) {
        this.donations = donations;
        this.paymentProvider = paymentProvider;
        this.followUpAfter = followUpAfter;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tirelire.payments.follow-up-after:10s}")
    void followUp() {
        donations
                .findByStatusAndPaymentReferenceNotNullAndCreatedAtBefore(
                        DonationStatus.PENDING, clock.instant().minus(followUpAfter))
                .forEach(stalled -> paymentProvider.followUp(DonationId.of(stalled.id()), stalled.paymentReference()));
    }
}
