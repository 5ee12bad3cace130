package org.tirelire.local.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maps that hold a store's documents, kept as BSON ({@link BsonDocumentType}), and its unique indexes,
 * whose keys are written value by value ({@link IndexKeyType}), and the file's own word that it keeps them
 * so. A file
 * written before, with Java serialization, is rewritten into a new file before the server opens it; the new
 * file then takes the old one's place in one move, and the old one is kept beside it ({@code
 * <file>.before-bson}, or {@code <file>.before-index-keys} for a file whose documents were BSON already). A
 * rewrite stopped half-way leaves the file as it was, and is done again at the next start.
 */
public final class BsonDocuments {

    private static final Logger log = LoggerFactory.getLogger(BsonDocuments.class);

    /** mongo-java-server's H2 backend keeps each collection's documents in a map named so. */
    public static final String DOCUMENT_MAPS = "databases.";
    /** mongo-java-server's H2 backend names each index's map so, after its collection's namespace. */
    private static final String INDEX_MAPS = "._index_";
    /** Where the file says how its documents and index keys are kept; absent from a file written before. */
    private static final String FORMAT_MAP = "tirelire.format";

    /**
     * This version's word: documents as BSON, index keys value by value. A file that says it has no {@link
     * #DOCUMENTS} entry, so that an earlier version takes it for a file written with Java serialization and
     * fails to rewrite it, rather than reading its index keys wrongly.
     */
    private static final String VERSION = "version";

    private static final String CURRENT = "2";
    /** The first version's word (ADR 46): documents as BSON, index keys with H2's default type. */
    private static final String DOCUMENTS = "documents";

    private static final String BSON = "bson";

    /** The page cache: H2's default of 16 MB held a fifth of the pages a bench run reads again. */
    private static final int CACHE_MEGABYTES = 64;

    private BsonDocuments() {}

    /** A collection's map of documents, by id. */
    public static MVMap<Object, Document> open(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    /** A unique index's map, by its key. */
    static MVMap<KeyValue, Object> openIndex(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
    }

    /** The name of a collection's index's map, as mongo-java-server's H2 backend gives it. */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + INDEX_MAPS + indexName;
    }

    /** Whether the map is an index's: {@code <database>.<collection>._index_<name>}. */
    private static boolean isIndex(String mapName) {
        return !mapName.startsWith(DOCUMENT_MAPS) && !mapName.startsWith("meta.") && mapName.contains(INDEX_MAPS);
    }

    /** Whether the store keeps its documents as BSON; false for a file written before. */
    public static boolean keptAsBson(MVStore store) {
        return CURRENT.equals(format(store, VERSION)) || BSON.equals(format(store, DOCUMENTS));
    }

    private static String format(MVStore store, String of) {
        return store.hasMap(FORMAT_MAP)
                ? store.<String, String>openMap(FORMAT_MAP).get(of)
                : null;
    }

    /**
     * Makes the file one that keeps its documents as BSON and its index keys value by value, and opens it: a
     * new file says so, a file written before is rewritten first.
     */
    static MVStore prepareAndOpen(String file) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            MVStore created = MVStore.open(file);
            markCurrent(created);
            created.close();
        } else {
            MVStore existing = new MVStore.Builder().fileName(file).readOnly().open();
            boolean current;
            boolean documentsAsBson;
            try {
                current = CURRENT.equals(format(existing, VERSION));
                documentsAsBson = keptAsBson(existing);
            } finally {
                existing.close();
            }
            if (!current) {
                rewrite(path, documentsAsBson);
            }
        }
        return new MVStore.Builder().fileName(file).cacheSize(CACHE_MEGABYTES).open();
    }

    private static void rewrite(Path file, boolean documentsAsBson) {
        Path rewritten = file.resolveSibling(file.getFileName() + ".bson-rewrite");
        String kept = file.getFileName() + (documentsAsBson ? ".before-index-keys" : ".before-bson");
        try {
            Files.deleteIfExists(rewritten); // what a rewrite stopped half-way left
            MVStore from =
                    new MVStore.Builder().fileName(file.toString()).readOnly().open();
            MVStore to = MVStore.open(rewritten.toString());
            long documents = 0;
            try {
                for (String name : from.getMapNames()) {
                    if (name.startsWith(DOCUMENT_MAPS)) {
                        MVMap<Object, Document> copy = open(to, name);
                        (documentsAsBson ? open(from, name) : from.<Object, Document>openMap(name)).forEach(copy::put);
                        documents += copy.size();
                    } else if (isIndex(name)) {
                        MVMap<KeyValue, Object> copy = openIndex(to, name);
                        copy.putAll(from.<KeyValue, Object>openMap(name)); // keys read with H2's default type
                    } else {
                        // metadata keeps H2's default type
                        to.<Object, Object>openMap(name).putAll(from.openMap(name));
                    }
                }
                markCurrent(to);
            } finally {
                from.close();
                to.close();
            }
            Files.copy(file, file.resolveSibling(kept), StandardCopyOption.REPLACE_EXISTING);
            Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info(
                    "Rewrote the {} documents of {} as BSON and their index keys value by value; the file as it was is"
                            + " kept as {}",
                    documents,
                    file,
                    kept);
        } catch (IOException cannotRewrite) {
            throw new UncheckedIOException(cannotRewrite);
        }
    }

    private static void markCurrent(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        format.put(VERSION, CURRENT);
        format.remove(DOCUMENTS);
        store.commit();
    }
}
