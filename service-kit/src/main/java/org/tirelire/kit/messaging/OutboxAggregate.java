package org.tirelire.kit.messaging;

import java.util.List;

/** An aggregate document whose changes leave their events in its own {@code outbox} field. */
public interface OutboxAggregate {

    List<PendingEvent> outbox();
}
