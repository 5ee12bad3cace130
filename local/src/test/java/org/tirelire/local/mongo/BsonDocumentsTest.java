package org.tirelire.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tirelire.local.backup.StoreContents;

/** The store keeps documents as BSON, and a file written the earlier way is rewritten once, losing nothing. */
class BsonDocumentsTest {

    @TempDir
    Path dir;

    private static final Document GIFT = new Document("_id", "don-1")
            .append("version", 3L)
            .append("amount", new Document("amount", 30_00L).append("currency", "EUR"))
            .append("count", 2)
            .append("share", 0.25)
            .append("anonymous", false)
            .append("createdAt", Date.from(Instant.parse("2026-12-02T10:15:30.123Z")))
            .append("message", null)
            .append("outbox", List.of(new Document("eventId", "evt-1").append("type", "DonationConfirmed")))
            .append("signature", new Binary(new byte[] {1, 2, 3}))
            .append("exact", Decimal128.parse("12.34"))
            .append("ref", new ObjectId("64b7f0c2a1b2c3d4e5f60718"));

    @Test
    void documents_of_every_kind_read_back_as_written_after_a_restart() {
        Path file = dir.resolve("data.mv");
        withServer(
                new IdLookupH2Backend(file.toString()),
                client -> collection(client).insertOne(GIFT));

        withServer(
                new IdLookupH2Backend(file.toString()),
                client -> assertThat(collection(client)
                                .find(Filters.eq("_id", "don-1"))
                                .first())
                        .isEqualTo(GIFT));
        assertThat(formatOf(file, "version")).isEqualTo("2");
        assertThat(formatOf(file, "documents"))
                .as("a word earlier versions do not take for theirs")
                .isNull();
    }

    @Test
    void unique_indexes_refuse_a_second_document_with_the_same_key_after_a_restart() {
        Path file = dir.resolve("data.mv");
        withServer(new IdLookupH2Backend(file.toString()), client -> {
            collection(client)
                    .createIndex(
                            new Document("key", 1),
                            new IndexOptions().unique(true).sparse(true));
            collection(client).insertOne(new Document("_id", "don-1").append("key", "k-1"));
            collection(client).insertOne(new Document("_id", "don-2").append("key", 2L));
            collection(client).insertOne(new Document("_id", "don-3"));
        });

        withServer(new IdLookupH2Backend(file.toString()), client -> {
            assertRefusedAsDuplicate(client, new Document("_id", "don-1"));
            assertRefusedAsDuplicate(client, new Document("_id", "don-4").append("key", "k-1"));
            assertRefusedAsDuplicate(client, new Document("_id", "don-4").append("key", 2L));
            assertRefusedAsDuplicate(client, new Document("_id", "don-4").append("key", 2)); // as in MongoDB
            collection(client).insertOne(new Document("_id", "don-4").append("key", "k-4"));
            collection(client).insertOne(new Document("_id", "don-5")); // sparse: no key, no entry
            assertThat(collection(client).find(Filters.eq("key", "k-1")).first())
                    .isEqualTo(new Document("_id", "don-1").append("key", "k-1"));
            assertThat(collection(client).countDocuments()).isEqualTo(5);
        });
    }

    @Test
    void a_file_written_with_java_serialization_is_rewritten_once_and_every_document_kept() throws IOException {
        Path file = dir.resolve("data.mv");
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            written.add(new Document(GIFT).append("_id", "don-" + i).append("rank", i));
        }
        withServer(new H2Backend(file.toString()), client -> {
            collection(client).createIndex(new Document("rank", 1), new IndexOptions().unique(true));
            collection(client).insertMany(written);
            client.getDatabase("tirelire-campaigns").getCollection("campaigns").insertOne(new Document("_id", "c-1"));
        });
        assertThat(formatOf(file, "documents")).as("the earlier format").isNull();
        byte[] before = Files.readAllBytes(file);
        Files.writeString(file.resolveSibling("data.mv.bson-rewrite"), "what a rewrite stopped half-way left");

        withServer(new IdLookupH2Backend(file.toString()), client -> {
            assertThat(collection(client).find().sort(new Document("rank", 1)).into(new ArrayList<>()))
                    .isEqualTo(written);
            assertThat(collection(client).countDocuments()).isEqualTo(500);
            collection(client).insertOne(new Document("_id", "don-new").append("rank", 500));
            assertRefusedAsDuplicate(client, new Document("_id", "don-7"));
            assertRefusedAsDuplicate(client, new Document("_id", "don-other").append("rank", 7));
        });
        withServer(new IdLookupH2Backend(file.toString()), client -> {
            assertThat(collection(client).countDocuments())
                    .as("read again, not rewritten twice")
                    .isEqualTo(501);
            assertThat(client.getDatabase("tirelire-campaigns")
                            .getCollection("campaigns")
                            .find()
                            .first())
                    .isEqualTo(new Document("_id", "c-1"));
        });
        assertThat(formatOf(file, "version")).isEqualTo("2");
        assertThat(formatOf(file, "documents"))
                .as("a word earlier versions do not take for theirs")
                .isNull();
        assertThat(StoreContents.documentsByCollection(file))
                .as("what a backup counts, a collection of one document included")
                .contains(
                        Map.entry("tirelire-campaigns.campaigns", 1L), Map.entry("tirelire-donations.donations", 501L));
        assertThat(Files.readAllBytes(file.resolveSibling("data.mv.before-bson")))
                .as("the file as it was, kept beside it")
                .isEqualTo(before);
        assertThat(file.resolveSibling("data.mv.bson-rewrite")).doesNotExist();
    }

    @Test
    void a_file_of_the_previous_version_has_its_index_keys_rewritten_once() throws IOException {
        Path file = dir.resolve("data.mv");
        withServer(new H2Backend(file.toString()), client -> {
            collection(client)
                    .createIndex(
                            new Document("key", 1),
                            new IndexOptions().unique(true).sparse(true));
            collection(client).insertOne(new Document(GIFT).append("key", "k-1"));
        });
        documentsAsBsonOnly(file); // as the previous version left its files: index keys still serialized
        byte[] before = Files.readAllBytes(file);

        withServer(new IdLookupH2Backend(file.toString()), client -> {
            assertThat(collection(client).find(Filters.eq("key", "k-1")).first())
                    .isEqualTo(new Document(GIFT).append("key", "k-1"));
            assertRefusedAsDuplicate(client, new Document("_id", "don-2").append("key", "k-1"));
            assertRefusedAsDuplicate(client, new Document("_id", "don-1"));
        });
        assertThat(formatOf(file, "version")).isEqualTo("2");
        assertThat(Files.readAllBytes(file.resolveSibling("data.mv.before-index-keys")))
                .as("the file as it was, kept beside it")
                .isEqualTo(before);
        assertThat(file.resolveSibling("data.mv.before-bson")).doesNotExist();
    }

    /** Rewrites a file's documents as BSON and says so, leaving its indexes as they were. */
    private static void documentsAsBsonOnly(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            for (String name : store.getMapNames()) {
                if (name.startsWith(BsonDocuments.DOCUMENT_MAPS)) {
                    Map<Object, de.bwaldvogel.mongo.bson.Document> documents =
                            new java.util.HashMap<>(store.<Object, de.bwaldvogel.mongo.bson.Document>openMap(name));
                    store.removeMap(name);
                    BsonDocuments.open(store, name).putAll(documents);
                }
            }
            store.<String, String>openMap("tirelire.format").put("documents", "bson");
            store.commit();
        } finally {
            store.close();
        }
    }

    private static void assertRefusedAsDuplicate(MongoClient client, Document document) {
        assertThatThrownBy(() -> collection(client).insertOne(document))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
    }

    private static com.mongodb.client.MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("tirelire-donations").getCollection("donations");
    }

    private static void withServer(MongoBackend backend, Consumer<MongoClient> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client);
        } finally {
            server.shutdown();
        }
    }

    private static String formatOf(Path file, String of) {
        MVStore store = MVStore.open(file.toString());
        try {
            return store.hasMap("tirelire.format")
                    ? store.<String, String>openMap("tirelire.format").get(of)
                    : null;
        } finally {
            store.close();
        }
    }
}
