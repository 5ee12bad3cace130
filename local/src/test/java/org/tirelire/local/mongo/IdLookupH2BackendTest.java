package org.tirelire.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipInputStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tirelire.local.backup.StoreContents;

/** Queries naming _id and more find exactly what MongoDB finds, by id: optimistic locking keeps working. */
class IdLookupH2BackendTest {

    @TempDir
    Path dir;

    private IdLookupH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> donations;

    @BeforeEach
    void start() {
        backend = new IdLookupH2Backend(dir.resolve("data.mv").toString());
        server = new MongoServer(backend);
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
    void a_find_larger_than_one_reply_is_read_in_batches_as_from_mongodb() {
        MongoCollection<Document> emails = client.getDatabase("tirelire-test").getCollection("emails");
        String receipt = "x".repeat(400_000); // a thank-you with its receipt attached
        for (int i = 0; i < 160; i++) { // 64 MB, more than the 48 MB the driver takes in one reply
            emails.insertOne(new Document("_id", "email-" + i).append("attachment", receipt));
        }

        int read = 0;
        for (Document email : emails.find()) {
            assertThat(email.getString("attachment")).hasSize(receipt.length());
            read++;
        }

        assertThat(read).isEqualTo(160);
        assertThat(count(operations(), "getMore tirelire-test.emails"))
                .as("the first batch, then the rest")
                .isEqualTo(1);
        assertThat(donations.find().into(new ArrayList<>()))
                .as("a find of fewer than a batch answers at once")
                .hasSize(50);
        assertThat(count(operations(), "getMore tirelire-test.donations")).isZero();
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

    @Test
    void a_snapshot_copies_every_database_as_of_one_instant_while_writes_go_on() throws Exception {
        MongoCollection<Document> campaigns =
                client.getDatabase("tirelire-other").getCollection("campaigns");
        campaigns.insertOne(new Document("_id", "cmp-1").append("raised", 0L));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                int n = written.getAndIncrement();
                donations.insertOne(new Document("_id", "later-" + n).append("version", 0L));
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> written.get() > 20);
        Path snapshot = dir.resolve("snapshot.zip");

        Document answer = client.getDatabase("admin")
                .runCommand(new Document(IdLookupH2Backend.SNAPSHOT_COMMAND, snapshot.toString()));
        writing.set(false);
        writer.join();

        assertThat(answer.getDouble("ok")).isEqualTo(1.0);
        assertThat(answer.getString("source")).isEqualTo(dir.resolve("data.mv").toString());
        Path copy = dir.resolve("copy.mv");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(snapshot))) {
            assertThat(zip.getNextEntry()).isNotNull();
            Files.copy(zip, copy);
        }
        Map<String, Long> copied = StoreContents.documentsByCollection(copy);
        assertThat(copied).containsEntry("tirelire-other.campaigns", 1L);
        assertThat(copied.get("tirelire-test.donations"))
                .as("the 50 first donations and those written before the snapshot, not those after")
                .isBetween(50L + 20, 50L + written.get() - 1);
        assertThat(donations.countDocuments()).isEqualTo(50L + written.get());
        // The server never writes over an existing file.
        assertThatThrownBy(() -> client.getDatabase("admin")
                        .runCommand(new Document(IdLookupH2Backend.SNAPSHOT_COMMAND, snapshot.toString())))
                .isInstanceOf(MongoException.class);
        assertThat(StoreContents.documentsByCollection(copy)).isEqualTo(copied);
    }

    @Test
    void the_server_counts_the_commands_it_runs_for_the_benchmark_s_cost_per_gift() {
        Document before = operations();
        donations.find(Filters.eq("_id", "don-1")).first();
        donations.updateOne(Filters.eq("_id", "don-1"), Updates.set("status", "CONFIRMED"));
        donations.updateOne(Filters.eq("_id", "don-2"), Updates.set("status", "CONFIRMED"));
        Document after = operations();

        assertThat(count(after, "update tirelire-test.donations") - count(before, "update tirelire-test.donations"))
                .isEqualTo(2);
        assertThat(count(after, "find tirelire-test.donations") - count(before, "find tirelire-test.donations"))
                .isEqualTo(1);
        assertThat(count(before, "insert tirelire-test.donations"))
                .as("the 50 inserts of the set-up")
                .isEqualTo(50);
    }

    private Document operations() {
        return client.getDatabase("admin")
                .runCommand(new Document(IdLookupH2Backend.OPERATIONS_COMMAND, 1))
                .get("operations", Document.class);
    }

    private static long count(Document operations, String command) {
        Number count = operations.get(command, Number.class);
        return count == null ? 0 : count.longValue();
    }

    @Test
    void documents_updated_while_the_store_writes_its_file_are_written_whole_and_the_store_stays_open()
            throws Exception {
        AtomicBoolean updating = new AtomicBoolean(true);
        AtomicInteger commits = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (updating.get()) {
                backend.getMvStore().commit(); // what H2's own writer thread does every second
                commits.incrementAndGet();
            }
        });
        writer.start();
        try {
            for (int round = 0; round < 400; round++) {
                // fields added and taken away: what an update does to the document it found
                donations.updateMany(
                        Filters.exists("_id"),
                        round % 2 == 0
                                ? Updates.combine(Updates.set("round-" + round, round), Updates.inc("version", 1L))
                                : Updates.unset("round-" + (round - 1)));
            }
        } finally {
            updating.set(false);
            writer.join();
        }
        assertThat(commits.get()).isPositive();
        assertThat(donations.countDocuments(Filters.eq("version", 200L))).isEqualTo(50);
        assertThat(donations.find(Filters.eq("_id", "don-7")).first().keySet())
                .containsExactly("_id", "version", "status");
    }
}
