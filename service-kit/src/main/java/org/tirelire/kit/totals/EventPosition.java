package org.tirelire.kit.totals;

import org.jspecify.annotations.Nullable;

/**
 * Where a donation event sits in its Kafka partition. One campaign's events all share a partition
 * (the record key is the campaign id), so a higher offset means a later event for that campaign.
 *
 * <p>Offsets count from zero again on another Kafka cluster, so a position also names its cluster, unless
 * it is the first cluster the service consumed from (ADR 36): those keep the form positions always had
 * ({@code p3}, {@code 3@41}); another cluster's are {@code <cluster id>:p3} and {@code <cluster id>:3@41},
 * never compared with the first ones.
 *
 * @param cluster the Kafka cluster's id, or null for the first cluster (see {@code KafkaEpoch})
 */
public record EventPosition(@Nullable String cluster, int partition, long offset) {

    /** A position on the first cluster. */
    public EventPosition(int partition, long offset) {
        this(null, partition, offset);
    }

    /** The key under which an aggregate remembers the latest offset it applied from this partition. */
    public String partitionKey() {
        return prefix() + "p" + partition;
    }

    /** Apache Kafka's cluster ids are base64url; others may hold a dot, which a MongoDB field name cannot. */
    private String prefix() {
        return cluster == null ? "" : cluster.replaceAll("[^A-Za-z0-9_-]", "_") + ":";
    }

    @Override
    public String toString() {
        return prefix() + partition + "@" + offset;
    }
}
