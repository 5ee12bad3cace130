package org.tirelire.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the Kafka record value is this whole object.
 *
 * @param subject the aggregate the event is about (a donation id, a campaign id)
 * @param traceparent the Distributed Tracing extension: the W3C trace context of the event's sending, so
 *     that what a consumer does joins the trace of what caused the event; {@code null} outside a trace
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
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** The same event, sent within the trace this W3C context names. */
    public CloudEvent withTraceparent(@Nullable String context) {
        return new CloudEvent(
                specversion, id, source, type, time, subject, datacontenttype, correlationid, context, data);
    }

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }
}
