package org.tirelire.kit.messaging;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.kit.tracing.Traces;

/**
 * An event waiting in its aggregate's outbox. It is stored in the same document as the state change
 * that caused it, so the two are written atomically without a multi-document transaction; the
 * {@link OutboxRelay} publishes it and removes it afterwards.
 *
 * @param event one of the event records of the contracts module; stored with its class, read back typed
 * @param traceparent the trace of the work that stored it, which its sending continues ({@link Traces})
 */
public record PendingEvent(
        String eventId,
        TirelireEvent event,
        Instant occurredAt,
        @Nullable String correlationId,
        @Nullable String traceparent) {

    public static PendingEvent of(TirelireEvent event, Instant occurredAt) {
        return new PendingEvent(
                UUID.randomUUID().toString(),
                event,
                occurredAt,
                MDC.get(Correlation.LOG_KEY),
                Traces.currentTraceparent());
    }
}
