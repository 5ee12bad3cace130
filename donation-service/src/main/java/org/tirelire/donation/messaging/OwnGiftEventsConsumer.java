package org.tirelire.donation.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationEvent;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.donation.admission.GiftAdmission;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.donation.GiftMetrics;
import org.tirelire.donation.receipt.ReceiptRegister;
import org.tirelire.donation.subscription.Subscriptions;
import org.tirelire.kit.messaging.EventConsumers;

/**
 * What this service does after its own gifts' events, in a consumer group of its own: a confirmation
 * stored is handled even if the process stops right after storing it, since the event stays on Kafka
 * until this consumer has handled it. Tax receipts are issued and cancelled (ADR 25); a recurring gift
 * hears of its charges' outcomes, and of its donor's erasure (ADR 27). A confirmation that asks for
 * neither costs no read. All of it is idempotent; the gifts'
 * figures for Prometheus are counted here too ({@link GiftMetrics}).
 */
@Configuration
class OwnGiftEventsConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> ownGiftEvents(
            EventConsumers events,
            ReceiptRegister register,
            Subscriptions subscriptions,
            DonationRepository donations,
            GiftMetrics metrics,
            GiftAdmission admission) {
        // Counted once the whole poll is handled: a poll that fails is handled again from its first record.
        ThreadLocal<List<Runnable>> countedAfterPoll = ThreadLocal.withInitial(ArrayList::new);
        DonationEvent.Handler handler = new DonationEvent.Handler() {
            @Override
            public void on(DonationConfirmed confirmed) {
                countedAfterPoll.get().add(() -> {
                    metrics.confirmed(confirmed.amount());
                    if (confirmed.offlineMethod() == null) {
                        admission.confirmationHeard(confirmed.confirmedAt());
                    }
                });
                if (followsUp(confirmed)) {
                    donations.findById(confirmed.donationId()).ifPresent(gift -> {
                        register.issueForGift(gift);
                        subscriptions.chargeSucceeded(gift);
                    });
                }
            }

            @Override
            public void on(DonationFailed failed) {
                donations.findById(failed.donationId()).ifPresent(gift -> {
                    countedAfterPoll.get().add(() -> metrics.failed(gift.amount()));
                    subscriptions.chargeFailed(gift);
                });
            }

            @Override
            public void on(DonationRefunded refunded) {
                countedAfterPoll.get().add(() -> metrics.refunded(refunded.amount()));
                register.cancelForRefund(refunded.donationId());
            }

            @Override
            public void on(DonorErased erased) {
                donations.findById(erased.donationId()).ifPresent(subscriptions::donorErased);
            }
        };
        // A poll's records in one call, each still handled alone: most are confirmations that ask for nothing
        // here, and one call a record cost more in the framework than the record itself (docs/performance.md).
        return events.pollsOf(
                DonationEvent.class,
                poll -> {
                    List<Runnable> counted = countedAfterPoll.get();
                    counted.clear();
                    poll.run();
                    counted.forEach(Runnable::run);
                },
                heard -> heard.event().dispatchTo(handler));
    }

    /**
     * Whether a confirmed gift has something to follow up here, a tax receipt or a recurring gift's
     * charge: only then is it read again, which spares most gifts a read. An event published before it
     * said so is read, as before.
     */
    static boolean followsUp(DonationConfirmed confirmed) {
        return !Boolean.FALSE.equals(confirmed.receiptWanted()) || confirmed.subscriptionId() != null;
    }
}
