package org.tirelire.kit.messaging;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.kit.totals.EventPosition;
import org.tirelire.kit.totals.KafkaEpoch;
import org.tirelire.kit.tracing.Traces;
import tools.jackson.core.JacksonException;

/**
 * The one way a service reads events from Kafka. It decodes each record's CloudEvent and its data into
 * the event family the consumer asked for, and hands that on typed; the consumer then calls the event's
 * {@code dispatchTo} with a handler of that family. Everywhere alike:
 * <ul>
 *   <li>a record that cannot be read is skipped, logged with its place and counted
 *       ({@code tirelire.events.unreadable}): retrying it would never succeed and would stop the partition;
 *   <li>an event of a type this code does not know, or of another family, is skipped quietly: a producer
 *       may add types (docs/events.md);
 *   <li>the correlation id the event carries is in the logging context while it is handled.
 * </ul>
 * A failure of the handler itself is not caught here: the listener retries it until it succeeds (see
 * {@code MessagingConfiguration#retryForever}).
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);
    static final String UNREADABLE_COUNTER = "tirelire.events.unreadable";

    private final EventCodec codec;
    private final Traces traces;
    private final KafkaEpoch epoch;

    public EventConsumers(EventCodec codec, Traces traces, KafkaEpoch epoch) {
        this.codec = codec;
        this.traces = traces;
        this.epoch = epoch;
    }

    /** Consumers whose records all come from the first Kafka cluster they met. */
    public EventConsumers(EventCodec codec, Traces traces) {
        this(codec, traces, KafkaEpoch.FIRST_CLUSTER);
    }

    /** A consumer of one record at a time, for the events of {@code family}. */
    public <E extends TirelireEvent> Consumer<Message<byte[]>> of(Class<E> family, Consumer<HeardEvent<E>> handler) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            EventPosition position = new EventPosition(
                    epoch.currentCluster(),
                    headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                    headers.get(KafkaHeaders.OFFSET, Long.class));
            read(family, message.getPayload(), headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class), position)
                    .ifPresent(heard -> handleOne(heard, handler));
        };
    }

    /**
     * A consumer of the records one poll brought, each handled as {@link #of} handles one (its correlation
     * id in the logging context, its trace continued in a span of its own), the whole poll inside {@code
     * aroundPoll}: what the records ask to be written can then be written together once all are handled.
     */
    public <E extends TirelireEvent> Consumer<Message<List<byte[]>>> pollsOf(
            Class<E> family, Consumer<Runnable> aroundPoll, Consumer<HeardEvent<E>> handler) {
        return message -> {
            List<HeardEvent<E>> records = readAll(family, message);
            aroundPoll.accept(() -> records.forEach(heard -> handleOne(heard, handler)));
        };
    }

    private <E extends TirelireEvent> void handleOne(HeardEvent<E> heard, Consumer<HeardEvent<E>> handler) {
        try (var ignored =
                MDC.putCloseable(Correlation.LOG_KEY, heard.envelope().correlationid())) {
            traces.continuing(heard.envelope().traceparent(), processing(heard), Span.Kind.CONSUMER, () -> {
                handler.accept(heard);
                return null;
            });
        }
    }

    /**
     * A consumer of the records one poll brought, in partition order, for the events of {@code family};
     * what cannot be read or is of no interest is left out of the list. The records of a batch carry
     * different correlation ids, so none is put in the logging context.
     */
    public <E extends TirelireEvent> Consumer<Message<List<byte[]>>> batchesOf(
            Class<E> family, Consumer<List<HeardEvent<E>>> handler) {
        return message -> {
            List<HeardEvent<E>> batch = readAll(family, message);
            // Each record's trace gets a span for the batch it was handled in.
            Traces.Batch spans = traces.batch();
            batch.forEach(heard -> spans.add(heard.envelope().traceparent(), processing(heard), Span.Kind.CONSUMER));
            try {
                handler.accept(batch);
            } catch (RuntimeException | Error failure) {
                spans.end(failure);
                throw failure;
            }
            spans.end(null);
        };
    }

    /** The records of a poll that can be read and are of {@code family}, in partition order. */
    private <E extends TirelireEvent> List<HeardEvent<E>> readAll(Class<E> family, Message<List<byte[]>> message) {
        List<byte[]> payloads = message.getPayload();
        MessageHeaders headers = message.getHeaders();
        List<?> topics = headers.get(KafkaHeaders.RECEIVED_TOPIC, List.class);
        List<?> partitions = headers.get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = headers.get(KafkaHeaders.OFFSET, List.class);
        List<HeardEvent<E>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            EventPosition position = new EventPosition(
                    epoch.currentCluster(),
                    ((Number) partitions.get(i)).intValue(),
                    ((Number) offsets.get(i)).longValue());
            String topic = topics == null ? null : String.valueOf(topics.get(i));
            read(family, payloads.get(i), topic, position).ifPresent(records::add);
        }
        return records;
    }

    private static String processing(HeardEvent<?> heard) {
        return "process " + heard.envelope().type();
    }

    private <E extends TirelireEvent> Optional<HeardEvent<E>> read(
            Class<E> family, byte[] payload, String topic, EventPosition position) {
        CloudEvent envelope;
        TirelireEvent event;
        try {
            envelope = codec.decode(payload);
            event = codec.data(envelope);
        } catch (JacksonException unreadable) {
            log.error(
                    "Skipping an unreadable record on {} at {}: {}", topic, position, unreadable.getOriginalMessage());
            Metrics.counter(UNREADABLE_COUNTER, "topic", String.valueOf(topic)).increment();
            return Optional.empty();
        }
        if (!family.isInstance(event)) {
            log.debug("Ignoring {} on {} at {}: not a {}", envelope.type(), topic, position, family.getSimpleName());
            return Optional.empty();
        }
        return Optional.of(new HeardEvent<>(family.cast(event), envelope, position, payload));
    }
}
