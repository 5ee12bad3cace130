package org.tirelire.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries naming _id and more find exactly what MongoDB finds, by id: optimistic locking keeps working. */
class IdLookupH2BackendTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> donations;

    @BeforeEach
    void start() {
        server = new MongoServer(new IdLookupH2Backend(dir.resolve("data.mv").toString()));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        donations = client.getDatabase("tirelire-test").getCollection("donations");
        for (int i = 0; i < 50; i++) {
            donations.insertOne(
                    new Document("_id", "don-" + i).append("version", 0L).append("status", "PENDING"));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void an_update_under_the_right_version_applies_once_and_a_stale_one_changes_nothing() {
        assertThat(donations
                        .updateOne(
                                Filters.and(Filters.eq("_id", "don-7"), Filters.eq("version", 0L)),
                                Updates.combine(Updates.set("status", "CONFIRMED"), Updates.inc("version", 1L)))
                        .getModifiedCount())
                .isEqualTo(1);
        assertThat(donations
                        .updateOne(
                                Filters.and(Filters.eq("_id", "don-7"), Filters.eq("version", 0L)),
                                Updates.set("status", "FAILED"))
                        .getModifiedCount())
                .as("a writer holding version 0 lost the race")
                .isZero();
        assertThat(donations.find(Filters.eq("_id", "don-7")).first().getString("status"))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void queries_with_an_id_and_other_fields_find_what_matches_and_nothing_else() {
        assertThat(donations.find(Filters.and(Filters.eq("_id", "don-3"), Filters.eq("status", "PENDING"))))
                .hasSize(1);
        assertThat(donations.find(Filters.and(Filters.eq("_id", "don-3"), Filters.eq("status", "CONFIRMED"))))
                .isEmpty();
        assertThat(donations.find(Filters.and(Filters.eq("_id", "unknown"), Filters.eq("status", "PENDING"))))
                .isEmpty();
        assertThat(donations.find(Filters.and(Filters.in("_id", "don-1", "don-2"), Filters.eq("status", "PENDING"))))
                .as("operators on _id take the usual path")
                .hasSize(2);
        assertThat(donations.countDocuments(Filters.eq("status", "PENDING"))).isEqualTo(50);
    }
}
