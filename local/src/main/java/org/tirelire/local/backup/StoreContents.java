package org.tirelire.local.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.h2.mvstore.MVStore;

/**
 * What a MongoDB-wire store file holds: each collection ({@code database.collection}) with its number of
 * documents. Read from a closed file, or a copy, never from the file the running server writes.
 */
public final class StoreContents {

    /** The H2 backend keeps each collection's documents in a map of this prefix and its namespace. */
    private static final String COLLECTION_MAP = "databases.";

    private StoreContents() {}

    public static Map<String, Long> documentsByCollection(Path storeFile) {
        Map<String, Long> counts = new TreeMap<>();
        MVStore store =
                new MVStore.Builder().fileName(storeFile.toString()).readOnly().open();
        try {
            for (String map : store.getMapNames()) {
                if (map.startsWith(COLLECTION_MAP)) {
                    counts.put(
                            map.substring(COLLECTION_MAP.length()),
                            store.openMap(map).sizeAsLong());
                }
            }
        } finally {
            store.close();
        }
        return counts;
    }
}
