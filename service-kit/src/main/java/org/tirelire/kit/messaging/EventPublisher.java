package org.tirelire.kit.messaging;

import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.kit.tracing.Traces;

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
    private final Traces traces;

    /**
     * @param binding where events leave
     * @param bindingsByType where events of these CloudEvents types leave instead
     */
    public EventPublisher(
            StreamBridge streamBridge,
            EventCodec codec,
            String binding,
            Map<String, String> bindingsByType,
            String source,
            Traces traces) {
        this.streamBridge = streamBridge;
        this.codec = codec;
        this.binding = binding;
        this.bindingsByType = Map.copyOf(bindingsByType);
        this.source = source;
        this.traces = traces;
    }

    /**
     * Sends within the trace of the work that stored the event: the send is a span of that trace, and the
     * event carries the send's context (CloudEvents' {@code traceparent}, and the Kafka header of that
     * name) for its consumers to continue.
     */
    public void publish(String subject, PendingEvent pending) {
        CloudEvent wrapped = codec.wrap(
                pending.eventId(), pending.event(), source, subject, pending.occurredAt(), pending.correlationId());
        traces.continuing(pending.traceparent(), "send " + wrapped.type(), Span.Kind.PRODUCER, () -> {
            send(wrapped.withTraceparent(Traces.currentTraceparent()), pending);
            return null;
        });
    }

    private void send(CloudEvent event, PendingEvent pending) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(codec.encode(event))
                .setHeader(KafkaHeaders.KEY, pending.event().partitionKey().getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", CloudEvent.CONTENT_TYPE);
        if (pending.correlationId() != null) {
            message.setHeader(Correlation.KAFKA_HEADER, pending.correlationId());
        }
        if (event.traceparent() != null) {
            message.setHeader(Traces.TRACEPARENT, event.traceparent());
        }
        if (!streamBridge.send(bindingsByType.getOrDefault(event.type(), binding), message.build())) {
            throw new IllegalStateException("Kafka did not accept event " + pending.eventId());
        }
    }
}
