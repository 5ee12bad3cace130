package org.tirelire.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store's health is UP on the MongoDB-wire server the embedded platform runs (which does not know
 * {@code hello}, what made the health DOWN), and DOWN when no server answers.
 */
class StoreHealthConfigurationTest {

    @Test
    void the_embedded_mongodb_wire_server_answers_the_ping_and_the_store_is_up() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=2000")) {
            Health health = indicatorFor(client).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "tirelire-test");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void a_store_that_does_not_answer_is_down() {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300")) {
            assertThat(indicatorFor(client).health(true).getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private static HealthIndicator indicatorFor(MongoClient client) {
        return new StoreHealthConfiguration().mongoHealthIndicator(new MongoTemplate(client, "tirelire-test"));
    }
}
