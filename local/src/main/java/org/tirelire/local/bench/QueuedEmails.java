package org.tirelire.local.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The thank-you emails notification-service has queued (ids {@code thank-you:…}), counted to know when every
 * gift's thank-you is queued. A gift is done for its donor only then; a measure that ended before would leave
 * that work, and its cost, to the next one. A queued email is waiting in {@code outgoing_emails} or gone to
 * {@code sent_emails} (ADR 48); together they only grow.
 */
final class QueuedEmails implements AutoCloseable {

    static final String DATABASE = "tirelire-notifications";
    static final String QUEUE = "outgoing_emails";
    static final String SENT = "sent_emails";

    /** How this counter's own commands are named in the embedded server's counts ({@code countDocuments}). */
    static final List<String> OWN_COMMANDS =
            List.of("aggregate " + DATABASE + "." + QUEUE, "aggregate " + DATABASE + "." + SENT);

    private static final Bson THANK_YOUS = Filters.regex("_id", "^thank-you:");

    private final MongoClient mongo;
    private final MongoCollection<Document> queue;
    private final MongoCollection<Document> sent;
    private long countsSent;

    QueuedEmails(String mongoUri) {
        this.mongo = MongoClients.create(mongoUri);
        this.queue = mongo.getDatabase(DATABASE).getCollection(QUEUE);
        this.sent = mongo.getDatabase(DATABASE).getCollection(SENT);
    }

    /** @return how many thank-yous were ever queued, or -1 when the store does not answer */
    long count() {
        countsSent++;
        try {
            // An email moving out of the queue is in both for the instant between its record and its removal:
            // the sum may count one or two twice, and the wait end that much early.
            return sent.countDocuments(THANK_YOUS) + queue.countDocuments(THANK_YOUS);
        } catch (RuntimeException unavailable) {
            return -1;
        }
    }

    /** The operations the platform ran, without this counter's own sent since {@code countsBefore}. */
    Map<String, Long> withoutOwn(Map<String, Long> operations, long countsBefore) {
        Map<String, Long> platformOnly = new TreeMap<>(operations);
        for (String own : OWN_COMMANDS) {
            platformOnly.computeIfPresent(own, (command, count) -> {
                long left = count - (countsSent - countsBefore);
                return left > 0 ? left : null;
            });
        }
        return platformOnly;
    }

    long countsSent() {
        return countsSent;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
