package org.tirelire.contracts.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads CloudEvents as JSON bytes. Readers ignore fields they do not know, so a producer
 * can add a field to an event without breaking an older consumer.
 */
public final class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Wraps an event record in a new envelope with a fresh id. */
    public CloudEvent wrap(
            TirelireEvent event, String source, String subject, Instant time, @Nullable String correlationId) {
        return wrap(UUID.randomUUID().toString(), event, source, subject, time, correlationId);
    }

    /** Wraps an event record in an envelope whose id was chosen earlier (for example when it sat in an outbox). */
    public CloudEvent wrap(
            String eventId,
            TirelireEvent event,
            String source,
            String subject,
            Instant time,
            @Nullable String correlationId) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                eventId,
                source,
                EventTypes.typeOf(event.getClass()),
                time,
                subject,
                "application/json",
                correlationId,
                null,
                json.valueToTree(event));
    }

    public byte[] encode(CloudEvent event) {
        return json.writeValueAsBytes(event);
    }

    public CloudEvent decode(byte[] bytes) {
        return json.readValue(bytes, CloudEvent.class);
    }

    /** The event's data as its record, or {@code null} when this is not a type this code knows. */
    public @Nullable TirelireEvent data(CloudEvent event) {
        Class<? extends TirelireEvent> recordType = EventTypes.classOf(event.type());
        return recordType == null ? null : json.treeToValue(event.data(), recordType);
    }

    public <T extends TirelireEvent> T dataAs(CloudEvent event, Class<T> recordType) {
        return json.treeToValue(event.data(), recordType);
    }
}
