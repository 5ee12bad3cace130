package org.tirelire.kit.totals;

import org.jspecify.annotations.Nullable;

/**
 * Which Kafka cluster the records a service consumes now come from, for their {@link EventPosition}s
 * (ADR 36): null while it is the first cluster the service consumed from, its cluster id after a move
 * to another one.
 */
@FunctionalInterface
public interface KafkaEpoch {

    /** One cluster only, ever: tests, and tools that never move. */
    KafkaEpoch FIRST_CLUSTER = () -> null;

    @Nullable
    String currentCluster();
}
