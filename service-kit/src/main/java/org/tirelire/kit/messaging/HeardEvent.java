package org.tirelire.kit.messaging;

import java.nio.charset.StandardCharsets;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.kit.totals.EventPosition;

/**
 * One record heard from Kafka and decoded: its typed event, the CloudEvents envelope it came in, and
 * where it sits in its partition (what makes counting it idempotent, ADR 3).
 *
 * @param payload the record's value as it arrived, for passing it on unchanged (webhooks)
 */
public record HeardEvent<E extends TirelireEvent>(
        E event, CloudEvent envelope, EventPosition position, byte[] payload) {

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
