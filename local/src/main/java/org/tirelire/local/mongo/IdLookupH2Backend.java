package org.tirelire.local.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.ZipOutputStream;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, finding a document by its {@code _id} also when the query names
 * other fields. The backend uses its {@code _id} index only for a query on {@code _id} alone, so
 * {@code {_id, version}} — every save under optimistic locking, every compare-and-set — read the whole
 * collection: with thousands of donations, each gift cost a scan and the store became the platform's
 * limit (docs/performance.md). Here such a query reads the one document and checks the rest of the
 * query on it, which is what MongoDB itself does.
 *
 * <p>Its documents are stored as BSON ({@link BsonDocuments}), not through Java serialization.
 *
 * <p>It also answers, on the {@code admin} database, {@code {tirelireSnapshot: "<file.zip>"}} for {@code
 * ./tirelire backup}: a copy of the whole store, every database of every service, as of one instant
 * (ADR 37); and {@code {tirelireOperations: 1}} for {@code ./tirelire bench}: the commands run so far.
 */
final class IdLookupH2Backend extends H2Backend {

    /** The admin command that copies the store to a new file, named by the command's value. */
    static final String SNAPSHOT_COMMAND = "tirelireSnapshot";

    /** The admin command that tells how many of each command the server has run since it started. */
    static final String OPERATIONS_COMMAND = "tirelireOperations";

    /** MongoDB's first batch of a find that names no batch size. */
    static final int FIRST_BATCH = 101;

    /** The documents of each further batch of such a find. */
    static final int NEXT_BATCHES = 200;

    /** Commands run, by name: the benchmark's MongoDB operations per gift (a real MongoDB's opcounters). */
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();

    /**
     * Every command holds it shared; a snapshot holds it alone, so that it never copies a write half done
     * (a document stored, its index entry not yet).
     */
    private final ReadWriteLock commandsOrSnapshot = new ReentrantReadWriteLock();

    /**
     * The one store of this process. A database opens its existing collections from its constructor,
     * before any field of a subclass is set: it reads the store from here.
     */
    private static volatile MVStore store;

    IdLookupH2Backend(String file) {
        super(BsonDocuments.prepareAndOpen(file));
    }

    /** Also called while the backend opens a file's existing databases, from its own constructor. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        store = getMvStore(); // before the database, which opens its existing collections at once
        return new IdLookupDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("admin".equals(databaseName) && SNAPSHOT_COMMAND.equals(command)) {
            return snapshot(Path.of(String.valueOf(query.get(SNAPSHOT_COMMAND))));
        }
        if ("admin".equals(databaseName) && OPERATIONS_COMMAND.equals(command)) {
            Document counts = new Document();
            new TreeMap<>(operations).forEach((name, count) -> counts.put(name, count.sum()));
            Document answer = new Document("ok", 1.0);
            answer.put("operations", counts);
            return answer;
        }
        operations
                .computeIfAbsent(counted(databaseName, command, query), name -> new LongAdder())
                .increment();
        answeredInBatches(command, query);
        commandsOrSnapshot.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commandsOrSnapshot.readLock().unlock();
        }
    }

    /**
     * Gives a {@code find} or {@code getMore} that names no batch size one, as MongoDB answers them: a first batch of
     * 101 documents, then batches it bounds by size. mongo-java-server answered such a find with every document at
     * once, and the driver refuses a reply over 48 MB (the CSV export of a campaign with tens of thousands of gifts);
     * it answered such a getMore with an error. Its getMore counts documents, not bytes: a batch of 200 stays far
     * below the limit with Tirelire's documents, a thank-you with its receipt attached included.
     */
    private static void answeredInBatches(String command, Document query) {
        if ("find".equals(command)
                && !query.containsKey("batchSize")
                && !Boolean.TRUE.equals(query.get("singleBatch"))) {
            query.put("batchSize", FIRST_BATCH);
        } else if ("getMore".equals(command) && !query.containsKey("batchSize")) {
            query.put("batchSize", NEXT_BATCHES);
        }
    }

    /**
     * A command with the collection it works on, where it names one ({@code find tirelire-donations.donations}):
     * the benchmark tells from it where a gift's store operations go.
     */
    private static String counted(String databaseName, String command, Document query) {
        Object collection = "getMore".equals(command) ? query.get("collection") : query.get(command);
        return collection instanceof String name ? command + " " + databaseName + "." + name : command;
    }

    /**
     * Writes every acknowledged write to the file, then copies the file while nothing writes to it, into a
     * zip archive at {@code target} holding it as its one entry. The copy reads through the store's own
     * channel (H2's online backup): opening the file again and closing it would release this process's lock
     * on it. The commands wait meanwhile: milliseconds for an association's data.
     */
    private Document snapshot(Path target) {
        commandsOrSnapshot.writeLock().lock();
        try {
            MVStore mvStore = getMvStore();
            mvStore.commit();
            Path source = Path.of(mvStore.getFileStore().getFileName());
            mvStore.executeFilestoreOperation(() -> {
                // CREATE_NEW: a snapshot never replaces a file
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
                        ZipOutputStream zip = new ZipOutputStream(out)) {
                    mvStore.getFileStore().backup(zip);
                } catch (IOException cannotCopy) {
                    throw new UncheckedIOException(cannotCopy);
                }
            });
            Document answer = new Document("ok", 1.0);
            answer.put("source", source.toAbsolutePath().toString());
            answer.put("file", target.toString());
            return answer;
        } finally {
            commandsOrSnapshot.writeLock().unlock();
        }
    }

    private static final class IdLookupDatabase extends H2Database {

        IdLookupDatabase(String databaseName, MVStore mvStore, CursorRegistry cursors) {
            super(databaseName, mvStore, cursors);
        }

        /**
         * The H2 backend's unique index on a map whose keys are {@link IndexKeyType}: the backend opens the map by
         * its name, and an open map is handed out as it is.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            BsonDocuments.openIndex(
                    store, BsonDocuments.indexMapName(getFullCollectionNamespace(collectionName), indexName));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /** The same maps the H2 backend opens for a collection (names from its source), in a collection that looks up ids. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new IdLookupCollection(
                    this,
                    collectionName,
                    options,
                    BsonDocuments.open(store, BsonDocuments.DOCUMENT_MAPS + namespace),
                    store.openMap("meta." + namespace),
                    cursorRegistry);
        }
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> dataMap,
                org.h2.mvstore.MVMap<String, Object> metaMap,
                CursorRegistry cursors) {
            super(database, collectionName, options, dataMap, metaMap, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            QueryResult found;
            // Only plain string ids, as every Tirelire document has: operators, numbers and ObjectIds take the usual
            // path.
            if (query.size() > 1 && query.get("_id") instanceof String id) {
                List<Object> positions = getDocument(id) == null ? List.of() : List.of(id);
                found = matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            } else {
                found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            // An update changes the document it found in place before storing it again. Found here, it is a copy:
            // the stored one never changes while H2's writer thread encodes it (BsonDocumentType), which would fail
            // it, or write half an update to the file.
            List<Document> copies = new ArrayList<>();
            for (Document document : found) {
                copies.add(document.cloneDeeply());
            }
            return new QueryResult(copies, found.getCursorId());
        }
    }
}
