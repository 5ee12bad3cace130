package org.tirelire.identity.organisation;

import java.time.Instant;
import org.tirelire.contracts.events.MemberEvent;

/**
 * An event waiting in its organisation's document, written with the change that caused it (ADR 4, ADR 21).
 *
 * @param event stored with its class, read back typed
 */
record PendingMemberEvent(String eventId, MemberEvent event, Instant occurredAt) {}
