package org.tirelire.kit.totals;

/**
 * Where a donation event sits in its Kafka partition. One campaign's events all share a partition
 * (the record key is the campaign id), so a higher offset means a later event for that campaign.
 */
public record EventPosition(int partition, long offset) {

    public String partitionKey() {
        return "p" + partition;
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
