package org.tirelire.contracts.events;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the Kafka record value is this whole object.
 *
 * @param subject the aggregate the event is about (a donation id, a campaign id)
 * @param data the event record, still as JSON; read it with {@link EventCodec#dataAs}
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        @Nullable String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }
}
