package org.tirelire.campaign.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.campaign.progress.ProgressProjector;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationEvent;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.ids.GeneralFund;
import org.tirelire.kit.messaging.EventConsumers;
import org.tirelire.kit.messaging.HeardEvent;

/**
 * Feeds donation-service's events to the progress projector in batches (as many as one poll brought,
 * in partition order), each with the Kafka position that makes redelivery harmless. A batch lets the
 * projector write a busy campaign once for many gifts; a failure retries the whole batch, which the
 * positions make safe.
 */
@Configuration
class DonationEventsConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> donationEvents(EventConsumers events, ProgressProjector projector) {
        return events.batchesOf(DonationEvent.class, batch -> projector.on(contributions(batch)));
    }

    /**
     * The gifts and refunds of a batch, in order; the other donation events change no total, nor do the
     * gifts to an organisation's general fund, which is no campaign (ADR 28).
     */
    private static List<ProgressProjector.Heard> contributions(List<HeardEvent<DonationEvent>> batch) {
        List<ProgressProjector.Heard> contributions = new ArrayList<>(batch.size());
        for (HeardEvent<DonationEvent> heard : batch) {
            if (GeneralFund.is(heard.event().campaignId())) {
                continue;
            }
            heard.event().dispatchTo(new DonationEvent.Handler() {
                @Override
                public void on(DonationConfirmed confirmed) {
                    contributions.add(ProgressProjector.Heard.of(confirmed, heard.position()));
                }

                @Override
                public void on(DonationRefunded refunded) {
                    contributions.add(ProgressProjector.Heard.of(refunded, heard.position()));
                }
            });
        }
        return contributions;
    }
}
