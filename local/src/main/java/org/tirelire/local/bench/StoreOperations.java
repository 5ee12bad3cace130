package org.tirelire.local.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The commands the embedded MongoDB-wire server has run since it started, by name (its {@code
 * tirelireOperations} admin command, see {@code mongo.IdLookupH2Backend}): read before and after a
 * measure, they give the MongoDB operations each gift costs.
 */
final class StoreOperations {

    /** What reads or writes documents; the rest (hello, ping, listIndexes…) is the drivers' own talk. */
    static final Set<String> DATA_COMMANDS =
            Set.of("insert", "update", "delete", "find", "findAndModify", "getMore", "aggregate", "count", "distinct");

    private StoreOperations() {}

    /** @return the counts by command, or empty when the server does not count (a real MongoDB) */
    static Map<String, Long> read(String mongoUri) {
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            Document answer = mongo.getDatabase("admin").runCommand(new Document("tirelireOperations", 1));
            Map<String, Long> counts = new TreeMap<>();
            answer.get("operations", Document.class)
                    .forEach((name, count) -> counts.put(name, ((Number) count).longValue()));
            return counts;
        } catch (RuntimeException notCounted) { // a real MongoDB knows no such command
            return Map.of();
        }
    }

    /** The command of a count's name: {@code find} of {@code find tirelire-donations.donations}. */
    static String commandOf(String counted) {
        int space = counted.indexOf(' ');
        return space < 0 ? counted : counted.substring(0, space);
    }

    /** Data commands run between two readings, by command and collection; empty when either reading is. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> ran = new TreeMap<>();
        if (before.isEmpty() || after.isEmpty()) {
            return ran;
        }
        after.forEach((name, count) -> {
            long delta = count - before.getOrDefault(name, 0L);
            if (DATA_COMMANDS.contains(commandOf(name)) && delta > 0) {
                ran.put(name, delta);
            }
        });
        return ran;
    }
}
