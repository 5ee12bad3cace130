package org.tirelire.campaign.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.tirelire.campaign.progress.ProgressProjector;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.kit.totals.EventPosition;
import tools.jackson.core.JacksonException;

/**
 * Feeds donation-service's events to the progress projector in batches (as many as one poll brought,
 * in partition order), each with the Kafka position that makes redelivery harmless. A batch lets the
 * projector write a busy campaign once for many gifts; a failure retries the whole batch, which the
 * positions make safe.
 */
@Configuration
class DonationEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(DonationEventsConsumer.class);

    @Bean
    Consumer<Message<List<byte[]>>> donationEvents(EventCodec codec, ProgressProjector projector) {
        return message -> {
            List<byte[]> payloads = message.getPayload();
            List<?> partitions = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
            List<?> offsets = message.getHeaders().get(KafkaHeaders.OFFSET, List.class);
            List<ProgressProjector.Heard> batch = new ArrayList<>(payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                CloudEvent event;
                try {
                    event = codec.decode(payloads.get(i));
                } catch (JacksonException unreadable) {
                    log.error(
                            "Skipping an unreadable record on the donation topic: {}", unreadable.getOriginalMessage());
                    continue;
                }
                EventPosition position = new EventPosition(
                        ((Number) partitions.get(i)).intValue(), ((Number) offsets.get(i)).longValue());
                Object data = codec.data(event);
                if (data instanceof DonationConfirmed confirmed) {
                    batch.add(ProgressProjector.Heard.of(confirmed, position));
                } else if (data instanceof DonationRefunded refunded) {
                    batch.add(ProgressProjector.Heard.of(refunded, position));
                }
            }
            projector.on(batch);
        };
    }
}
