package org.tirelire.campaign.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.tirelire.campaign.progress.ProgressProjector;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.kit.totals.EventPosition;
import tools.jackson.core.JacksonException;

/** Feeds donation-service's events to the progress projector, with the Kafka position that makes redelivery harmless. */
@Configuration
class DonationEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(DonationEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> donationEvents(EventCodec codec, ProgressProjector projector) {
        return message -> {
            CloudEvent event;
            try {
                event = codec.decode(message.getPayload());
            } catch (JacksonException unreadable) {
                log.error("Skipping an unreadable record on the donation topic: {}", unreadable.getOriginalMessage());
                return;
            }
            EventPosition position = new EventPosition(
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                    message.getHeaders().get(KafkaHeaders.OFFSET, Long.class));
            try (var ignored = MDC.putCloseable(Correlation.LOG_KEY, event.correlationid())) {
                Object data = codec.data(event);
                if (data instanceof DonationConfirmed confirmed) {
                    projector.on(confirmed, position);
                } else if (data instanceof DonationRefunded refunded) {
                    projector.on(refunded, position);
                }
            }
        };
    }
}
