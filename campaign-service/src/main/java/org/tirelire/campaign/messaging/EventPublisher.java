package org.tirelire.campaign.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.EventCodec;

/** Sends one outbox event to Kafka as a structured CloudEvent, keyed by campaign id, and waits for the broker's ack. */
@Component
public class EventPublisher {

    static final String BINDING = "campaignEvents-out-0";
    private static final String SOURCE = "/campaign-service";

    private final StreamBridge streamBridge;
    private final EventCodec codec;

    EventPublisher(StreamBridge streamBridge, EventCodec codec) {
        this.streamBridge = streamBridge;
        this.codec = codec;
    }

    public void publish(String campaignId, String subject, PendingEvent pending) {
        CloudEvent event = codec.wrap(
                pending.eventId(), pending.event(), SOURCE, subject, pending.occurredAt(), pending.correlationId());
        Message<byte[]> message = MessageBuilder.withPayload(codec.encode(event))
                .setHeader(KafkaHeaders.KEY, campaignId.getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", CloudEvent.CONTENT_TYPE)
                .build();
        if (!streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("Kafka did not accept event " + pending.eventId());
        }
    }
}
