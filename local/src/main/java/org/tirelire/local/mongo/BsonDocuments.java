package org.tirelire.local.mongo;

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
 * The maps that hold a store's documents, kept as BSON ({@link BsonDocumentType}), and the file's own word
 * that it keeps them so. A file written before, with Java serialization, is rewritten into a new file before
 * the server opens it; the new file then takes the old one's place in one move, and the old one is kept
 * beside it ({@code <file>.before-bson}). A rewrite stopped half-way leaves the file as it was, and is done
 * again at the next start.
 */
public final class BsonDocuments {

    private static final Logger log = LoggerFactory.getLogger(BsonDocuments.class);

    /** mongo-java-server's H2 backend keeps each collection's documents in a map named so. */
    public static final String DOCUMENT_MAPS = "databases.";
    /** Where the file says how its documents are kept; absent from a file written before. */
    private static final String FORMAT_MAP = "tirelire.format";

    private static final String DOCUMENTS = "documents";
    private static final String BSON = "bson";

    private BsonDocuments() {}

    /** A collection's map of documents, by id. */
    public static MVMap<Object, Document> open(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    /** Whether the store keeps its documents as BSON; false for a file written before. */
    public static boolean keptAsBson(MVStore store) {
        return store.hasMap(FORMAT_MAP)
                && BSON.equals(store.<String, String>openMap(FORMAT_MAP).get(DOCUMENTS));
    }

    /**
     * Makes the file one that keeps its documents as BSON: a new file says so, a file written before is
     * rewritten.
     *
     * @return the file, for the backend to open
     */
    static String prepare(String file) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            MVStore created = MVStore.open(file);
            markAsBson(created);
            created.close();
            return file;
        }
        MVStore existing = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            if (keptAsBson(existing)) {
                return file;
            }
        } finally {
            existing.close();
        }
        rewrite(path);
        return file;
    }

    private static void rewrite(Path file) {
        Path rewritten = file.resolveSibling(file.getFileName() + ".bson-rewrite");
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
                        from.<Object, Document>openMap(name).forEach(copy::put); // read with H2's default type
                        documents += copy.size();
                    } else {
                        // metadata and indexes keep H2's default type
                        to.<Object, Object>openMap(name).putAll(from.openMap(name));
                    }
                }
                markAsBson(to);
            } finally {
                from.close();
                to.close();
            }
            Files.copy(
                    file,
                    file.resolveSibling(file.getFileName() + ".before-bson"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info(
                    "Rewrote the {} documents of {} as BSON; the file as it was is kept as {}.before-bson",
                    documents,
                    file,
                    file.getFileName());
        } catch (IOException cannotRewrite) {
            throw new UncheckedIOException(cannotRewrite);
        }
    }

    private static void markAsBson(MVStore store) {
        store.<String, String>openMap(FORMAT_MAP).put(DOCUMENTS, BSON);
        store.commit();
    }
}
