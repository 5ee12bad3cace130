package org.tirelire.local.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.h2.mvstore.MVStore;
import org.tirelire.local.mongo.BsonDocuments;

/**
 * What a MongoDB-wire store file holds: each collection ({@code database.collection}) with its number of
 * documents. Read from a closed file, or a copy, never from the file the running server writes.
 */
public final class StoreContents {

    private StoreContents() {}

    public static Map<String, Long> documentsByCollection(Path storeFile) {
        Map<String, Long> counts = new TreeMap<>();
        MVStore store =
                new MVStore.Builder().fileName(storeFile.toString()).readOnly().open();
        try {
            boolean bson = BsonDocuments.keptAsBson(store);
            for (String map : store.getMapNames()) {
                if (map.startsWith(BsonDocuments.DOCUMENT_MAPS)) {
                    // opened with the type its documents were written in: opening a map reads its first page
                    counts.put(
                            map.substring(BsonDocuments.DOCUMENT_MAPS.length()),
                            (bson ? BsonDocuments.open(store, map) : store.openMap(map)).sizeAsLong());
                }
            }
        } finally {
            store.close();
        }
        return counts;
    }
}
