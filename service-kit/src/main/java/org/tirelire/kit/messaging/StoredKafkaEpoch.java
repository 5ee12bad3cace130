package org.tirelire.kit.messaging;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tirelire.kit.totals.KafkaEpoch;

/**
 * The service's database remembers the first Kafka cluster it consumed from ({@code kafka_epoch}); the
 * cluster of the records is asked of Kafka once, when the first record arrives. {@code ./tirelire migrate}
 * writes the old cluster there before the services first meet the new one (ADR 36).
 */
public class StoredKafkaEpoch implements KafkaEpoch {

    /** Also written by the launcher's {@code PlatformMigration}, under the same names. */
    public static final String COLLECTION = "kafka_epoch";

    public static final String FIRST_CLUSTER_ID = "first-cluster";

    private static final Logger log = LoggerFactory.getLogger(StoredKafkaEpoch.class);

    private final MongoTemplate mongo;
    private final Supplier<String> clusterOfTheRecords;
    /** Null until the first record; then empty on the first cluster, or the id of the cluster moved to. */
    private volatile @Nullable Optional<String> current;

    public StoredKafkaEpoch(MongoTemplate mongo, Supplier<String> clusterOfTheRecords) {
        this.mongo = mongo;
        this.clusterOfTheRecords = clusterOfTheRecords;
    }

    @Override
    public @Nullable String currentCluster() {
        Optional<String> known = current;
        if (known == null) {
            known = resolve();
        }
        return known.orElse(null);
    }

    private synchronized Optional<String> resolve() {
        if (current != null) {
            return current;
        }
        String cluster = clusterOfTheRecords.get();
        String first = firstCluster(cluster);
        if (!first.equals(cluster)) {
            log.info(
                    "Consuming from Kafka cluster {}, not {} where this service's event positions began:"
                            + " its positions are kept apart (ADR 36)",
                    cluster,
                    first);
        }
        current = first.equals(cluster) ? Optional.empty() : Optional.of(cluster);
        return current;
    }

    private String firstCluster(String cluster) {
        Document stored = mongo.findById(FIRST_CLUSTER_ID, Document.class, COLLECTION);
        if (stored == null) {
            try {
                mongo.insert(
                        new Document("_id", FIRST_CLUSTER_ID)
                                .append("clusterId", cluster)
                                .append("recordedAt", Date.from(Instant.now())),
                        COLLECTION);
                return cluster;
            } catch (DuplicateKeyException anotherInstanceFirst) {
                stored = mongo.findById(FIRST_CLUSTER_ID, Document.class, COLLECTION);
            }
        }
        return stored.getString("clusterId");
    }
}
