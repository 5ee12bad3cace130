package org.tirelire.kit.messaging;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in aggregates' outboxes, oldest first, and removes each one once Kafka
 * has acknowledged it. A crash between the two publishes the event again: consumers deduplicate by
 * event id or by state. Runs when woken after a write, and on a timer in case a wake-up was lost or
 * Kafka was away. See docs/adr/0004-outbox-inside-the-aggregate.md.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<OutboxSource> sources;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean runAgain = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<OutboxSource> sources) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.sources = List.copyOf(sources);
    }

    public void wakeUp() {
        runAgain.set(true);
        wakeUps.execute(this::relayPending);
    }

    @Scheduled(fixedDelayString = "${tirelire.messaging.outbox-poll-interval:500ms}")
    public void relayPending() {
        if (!running.tryLock()) {
            return; // the pass under way goes round again, because runAgain is set
        }
        try {
            do {
                runAgain.set(false);
                sources.forEach(this::relayOneBatch);
            } while (runAgain.get());
        } catch (RuntimeException publishingFailed) {
            log.warn("Outbox relay will retry: {}", publishingFailed.toString());
        } finally {
            running.unlock();
        }
    }

    private void relayOneBatch(OutboxSource source) {
        String collection = mongo.getCollectionName(source.documentType());
        Query withPendingEvents =
                Query.query(Criteria.where("outbox.0").exists(true)).limit(BATCH);
        withPendingEvents.fields().include("outbox").include(source.keyField());
        List<Document> documents = mongo.find(withPendingEvents, Document.class, collection);
        for (Document document : documents) {
            String subject = String.valueOf(document.get("_id"));
            String key = String.valueOf(document.get(source.keyField()));
            for (Document entry : document.getList("outbox", Document.class)) {
                PendingEvent pending = mongo.getConverter().read(PendingEvent.class, entry);
                publisher.publish(key, subject, pending);
                // Bumping the version makes a writer holding an older copy (with this event still in
                // its outbox) retry from a fresh read, instead of putting the event back.
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(document.get("_id"))),
                        new Update()
                                .pull(
                                        "outbox",
                                        Query.query(Criteria.where("eventId").is(pending.eventId())))
                                .inc("version", 1),
                        collection);
            }
        }
        if (documents.size() == BATCH) {
            runAgain.set(true);
        }
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }
}
