package org.tirelire.donation.donation;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * One gift per Idempotency-Key, whatever the process's settings: the unique index exists before the service
 * records its first gift (two requests racing with one key then record one gift, ADR 45), rather than
 * depending on {@code spring.data.mongodb.auto-index-creation} being switched on. Sparse: gifts given without
 * a key (offline, recurring charges) are not in it.
 */
@Component
class DonationIndexes {

    DonationIndexes(MongoTemplate mongo) {
        mongo.indexOps(Donation.class)
                .createIndex(new Index("idempotencyKey", Sort.Direction.ASC)
                        .named(Donation.KEY_INDEX)
                        .unique()
                        .sparse());
    }
}
