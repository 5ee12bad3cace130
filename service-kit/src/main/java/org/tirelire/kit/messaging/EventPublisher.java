package org.tirelire.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.EventCodec;

/**
 * Sends one event to Kafka as a structured CloudEvent, keyed as the event says ({@link
 * org.tirelire.contracts.events.TirelireEvent#partitionKey()}: its campaign, or its organisation), and waits
 * for the broker's ack.
 */
public class EventPublisher {

    private final StreamBridge streamBridge;
    private final EventCodec codec;
    private final String binding;
    private final Map<String, String> bindingsByType;
    private final String source;

    /**
     * @param binding where events leave
     * @param bindingsByType where events of these CloudEvents types leave instead
     */
    public EventPublisher(
            StreamBridge streamBridge,
            EventCodec codec,
            String binding,
            Map<String, String> bindingsByType,
            String source) {
        this.streamBridge = streamBridge;
        this.codec = codec;
        this.binding = binding;
        this.bindingsByType = Map.copyOf(bindingsByType);
        this.source = source;
    }

    public void publish(String subject, PendingEvent pending) {
        CloudEvent event = codec.wrap(
                pending.eventId(), pending.event(), source, subject, pending.occurredAt(), pending.correlationId());
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(codec.encode(event))
                .setHeader(KafkaHeaders.KEY, pending.event().partitionKey().getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", CloudEvent.CONTENT_TYPE);
        if (pending.correlationId() != null) {
            message.setHeader(Correlation.KAFKA_HEADER, pending.correlationId());
        }
        if (!streamBridge.send(bindingsByType.getOrDefault(event.type(), binding), message.build())) {
            throw new IllegalStateException("Kafka did not accept event " + pending.eventId());
        }
    }
}
