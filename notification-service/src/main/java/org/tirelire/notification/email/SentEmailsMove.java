package org.tirelire.notification.email;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes out of the queue the emails a version before ADR 48 left there once sent or erased, once, in the
 * background after the start: until then they cost the dispatcher's searches, never a wrong send. Each is
 * recorded in {@link SentEmails} before it leaves the queue, so that it is never missing from both; a move
 * stopped half-way is finished at the next start.
 */
@Component
class SentEmailsMove {

    private static final Logger log = LoggerFactory.getLogger(SentEmailsMove.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final OutgoingEmails queue;
    private final SentEmails sentEmails;

    SentEmailsMove(MongoTemplate mongo, OutgoingEmails queue, SentEmails sentEmails) {
        this.mongo = mongo;
        this.queue = queue;
        this.sentEmails = sentEmails;
    }

    @EventListener(ApplicationReadyEvent.class)
    void moveInTheBackground() {
        Thread move = new Thread(
                () -> {
                    try {
                        int moved = moveAll();
                        if (moved > 0) {
                            log.info(
                                    "Moved {} sent or erased emails out of the queue, to {}",
                                    moved,
                                    SentEmails.COLLECTION);
                        }
                    } catch (RuntimeException failed) {
                        log.warn(
                                "Sent emails not all moved out of the queue; the next start goes on: {}",
                                failed.toString());
                    }
                },
                "sent-emails-move");
        move.setDaemon(true);
        move.start();
    }

    /** @return how many emails left the queue */
    int moveAll() {
        List<String> doneWith = new ArrayList<>();
        mongo.getCollection(mongo.getCollectionName(OutgoingEmail.class))
                .find(Filters.ne("status", OutgoingEmail.Status.PENDING.name()))
                .projection(Projections.include("_id"))
                .forEach(email -> doneWith.add(email.getString("_id")));
        for (int from = 0; from < doneWith.size(); from += BATCH) {
            List<String> ids = doneWith.subList(from, Math.min(from + BATCH, doneWith.size()));
            queue.findAllById(ids).forEach(email -> {
                if (email.status() == OutgoingEmail.Status.ERASED) {
                    sentEmails.recordErased(email);
                } else {
                    sentEmails.recordSent(email); // one erased there since stays erased
                }
            });
            queue.deleteAllById(ids);
        }
        return doneWith.size();
    }
}
