package org.tirelire.donation.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationEvent;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.donation.receipt.ReceiptRegister;
import org.tirelire.kit.messaging.EventConsumers;

/**
 * Issues and cancels tax receipts from this service's own gift events, in a consumer group of their own:
 * a confirmation stored is a receipt issued, even if the process stops right after storing it, since the
 * event stays on Kafka until this consumer has handled it (ADR 25). Both are idempotent.
 */
@Configuration
class GiftReceiptsConsumer {

    @Bean
    Consumer<Message<byte[]>> giftReceipts(EventConsumers events, ReceiptRegister register) {
        DonationEvent.Handler handler = new DonationEvent.Handler() {
            @Override
            public void on(DonationConfirmed confirmed) {
                register.issueForGift(confirmed.donationId());
            }

            @Override
            public void on(DonationRefunded refunded) {
                register.cancelForRefund(refunded.donationId());
            }
        };
        return events.of(DonationEvent.class, heard -> heard.event().dispatchTo(handler));
    }
}
