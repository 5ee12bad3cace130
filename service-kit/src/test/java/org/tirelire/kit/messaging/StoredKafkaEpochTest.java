package org.tirelire.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A service remembers the first Kafka cluster it consumed from: its positions there keep their first
 * form, and on any other cluster they carry that cluster's id (ADR 36).
 */
class StoredKafkaEpochTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "tirelire-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_first_cluster_met_is_remembered_and_its_positions_keep_their_first_form() {
        AtomicInteger asked = new AtomicInteger();
        StoredKafkaEpoch epoch = new StoredKafkaEpoch(mongo, () -> {
            asked.incrementAndGet();
            return "embedded-cluster";
        });

        assertThat(epoch.currentCluster()).isNull();
        assertThat(epoch.currentCluster()).isNull();
        assertThat(asked).as("Kafka is asked once").hasValue(1);
        assertThat(mongo.findById(StoredKafkaEpoch.FIRST_CLUSTER_ID, Document.class, StoredKafkaEpoch.COLLECTION)
                        .getString("clusterId"))
                .isEqualTo("embedded-cluster");
        assertThat(new StoredKafkaEpoch(mongo, () -> "embedded-cluster").currentCluster())
                .as("after a restart, still the first cluster")
                .isNull();
    }

    @Test
    void after_a_move_the_new_cluster_s_positions_carry_its_id() {
        mongo.insert(
                new Document("_id", StoredKafkaEpoch.FIRST_CLUSTER_ID).append("clusterId", "embedded-cluster"),
                StoredKafkaEpoch.COLLECTION);

        assertThat(new StoredKafkaEpoch(mongo, () -> "managed-cluster").currentCluster())
                .isEqualTo("managed-cluster");
    }
}
