package org.tirelire.local.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maps that hold a store's documents, kept as BSON ({@link BsonDocumentType}). A file written before,
 * with Java serialization, is rewritten once when it is opened: each collection's map is copied into a new
 * one, which then takes its name, and the file says so in a map of its own, so that it is done once, all of
 * it or none.
 */
final class BsonDocuments {

    private static final Logger log = LoggerFactory.getLogger(BsonDocuments.class);

    /** mongo-java-server's H2 backend keeps each collection's documents in a map named so. */
    private static final String DOCUMENT_MAPS = "databases.";
    /** Where the file says how its documents are kept; absent from a file written before. */
    private static final String FORMAT_MAP = "tirelire.format";

    private static final String DOCUMENTS = "documents";
    private static final String BSON = "bson";

    private BsonDocuments() {}

    /** A collection's map of documents, by id. */
    static MVMap<Object, Document> open(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    /** Makes sure the store keeps its documents as BSON, rewriting those a file holds in the earlier way. */
    static synchronized void keepIn(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (BSON.equals(format.get(DOCUMENTS))) {
            return;
        }
        // Nothing of the rewrite reaches the file before its last commit: a rewrite stopped half-way leaves the
        // file as it was, and is done again at the next start.
        int autoCommitDelay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0);
        List<String> serialized = store.getMapNames().stream()
                .filter(name -> name.startsWith(DOCUMENT_MAPS))
                .toList();
        long documents = 0;
        for (String name : serialized) {
            MVMap<Object, Document> before = store.openMap(name); // H2's default type: Java serialization
            MVMap<Object, Document> after = open(store, "bson." + name);
            after.clear(); // a rewrite stopped half-way starts again
            before.forEach(after::put);
            documents += after.size();
            store.removeMap(before);
            store.renameMap(after, name);
        }
        format.put(DOCUMENTS, BSON);
        store.commit();
        store.setAutoCommitDelay(autoCommitDelay);
        if (!serialized.isEmpty()) {
            log.info("Rewrote {} documents of {} collections as BSON", documents, serialized.size());
        }
    }
}
