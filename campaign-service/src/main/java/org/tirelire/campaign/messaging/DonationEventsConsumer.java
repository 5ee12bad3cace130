package org.tirelire.campaign.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
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
    Consumer<Message<List<byte[]>>> donationEvents(
            EventConsumers events, ProgressProjector projector, MeterRegistry registry) {
        // How late the thermometer is: from a gift's confirmation (or refund) in donation-service to its
        // campaign's total counting it, outbox, Kafka and projection included.
        Timer lag = Timer.builder("tirelire.progress.lag")
                .description("From a gift's confirmation or refund to its campaign's total counting it")
                .publishPercentileHistogram()
                .register(registry);
        return events.batchesOf(DonationEvent.class, batch -> {
            List<ProgressProjector.Heard> contributions = contributions(batch);
            projector.on(contributions);
            Instant counted = Instant.now();
            for (ProgressProjector.Heard contribution : contributions) {
                Duration late = Duration.between(contribution.at(), counted);
                lag.record(late.isNegative() ? Duration.ZERO : late); // clocks of two processes
            }
        });
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
