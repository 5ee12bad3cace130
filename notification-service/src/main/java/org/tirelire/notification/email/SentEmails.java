package org.tirelire.notification.email;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The emails that went out, or were erased before they could: {@code sent_emails}, apart from the queue
 * ({@code outgoing_emails}) so that the queue holds only what waits. The dispatcher looks for due emails
 * every half second; with the sent ones beside them, that search read every email ever sent on a store
 * without secondary indexes (ADR 48). Each keeps its id, derived from its cause, so an event delivered
 * again sends nothing twice.
 */
@Component
public class SentEmails {

    public static final String COLLECTION = "sent_emails";

    private final MongoTemplate mongo;

    SentEmails(MongoTemplate mongo) {
        this.mongo = mongo;
        // The entity's own @Indexed fields index its own collection only.
        mongo.indexOps(COLLECTION).createIndex(new Index("toSha256", Sort.Direction.ASC));
    }

    /**
     * Sent: kept as it was when recorded already, by an earlier try of the same move or as erased since (its
     * recipient's erasure must not be undone by a send that was under way).
     */
    void recordSent(OutgoingEmail sent) {
        try {
            mongo.insert(sent, COLLECTION);
        } catch (DuplicateKeyException recordedAlready) {
            // erased since, or recorded by a try that stopped before taking it out of the queue
        }
    }

    /** Erased: replaces whatever was kept of it. */
    void recordErased(OutgoingEmail erased) {
        mongo.save(erased, COLLECTION);
    }

    /** The ids among these of emails sent or erased already: one read by id. */
    Set<String> amongIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        mongo.getCollection(COLLECTION)
                .find(Filters.in("_id", ids))
                .projection(Projections.include("_id"))
                .forEach(sent -> found.add(sent.getString("_id")));
        return found;
    }

    boolean contains(String id) {
        return !amongIds(List.of(id)).isEmpty();
    }

    /**
     * Forgets who each email sent before {@code cutoff} went to and what it said, its attachments too (a tax
     * receipt's PDF): its id, its dates and that it was sent stay, so its cause still sends nothing twice. The
     * fields forgotten are those {@link OutgoingEmail#erased} forgets, in one update rather than a read and a
     * write per email.
     *
     * @return how many emails were forgotten so
     */
    long forgetWhatWasSaidBefore(Instant cutoff) {
        Query sentBeforeAndNotYetForgotten = Query.query(Criteria.where("status")
                .is(OutgoingEmail.Status.SENT.name())
                .and("sentAt")
                .lt(cutoff)
                .and("to")
                .ne(""));
        Update forget = new Update()
                .set("to", "")
                .set("subject", "")
                .set("text", "")
                .set("html", "")
                .unset("toSha256")
                .unset("headers")
                .unset("attachments")
                .unset("sender")
                .unset("traceparent")
                .unset("lastError");
        return mongo.updateMulti(sentBeforeAndNotYetForgotten, forget, COLLECTION)
                .getModifiedCount();
    }

    List<OutgoingEmail> toRecipient(String emailSha256) {
        return mongo.find(Query.query(Criteria.where("toSha256").is(emailSha256)), OutgoingEmail.class, COLLECTION);
    }
}
