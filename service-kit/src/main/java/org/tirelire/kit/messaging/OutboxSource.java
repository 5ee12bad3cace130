package org.tirelire.kit.messaging;

/**
 * A kind of aggregate document that carries an {@code outbox} list of {@link PendingEvent}s and a
 * {@code version} field. Its events are published with the document's {@code _id} as CloudEvents
 * subject, each keyed as it says ({@code partitionKey()}).
 */
public record OutboxSource(Class<?> documentType) {}
