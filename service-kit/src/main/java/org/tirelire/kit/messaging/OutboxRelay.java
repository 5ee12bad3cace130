package org.tirelire.kit.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in aggregates' outboxes, oldest first, and removes each one once Kafka
 * has acknowledged it. A crash between the two publishes the event again: consumers deduplicate by
 * event id or by state. See docs/adr/0004-outbox-inside-the-aggregate.md.
 *
 * <p>A write that left events wakes the relay with the document it wrote, which is then read by its id
 * alone. A sweep of every outbox runs on a timer only, for what a wake-up could not carry (a crash
 * after the write, Kafka away): scanning a large collection after every write made the relay, not the
 * work, the limit on gifts per second (docs/performance.md).
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final int RECENTLY_PUBLISHED = 10_000;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<OutboxSource> sources;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean runAgain = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    /**
     * Documents written with new events since the relay last ran, the latest copy of each only: a
     * document written ten times while the relay was busy is published once, from its last copy,
     * whose outbox holds every event still waiting.
     */
    private final Map<String, Written> written = new LinkedHashMap<>();

    /**
     * Events this relay published lately. A copy saved just before the relay removed an event from
     * the outbox still holds it: it is not published again. Used under the relay's lock only.
     */
    private final Set<String> recentlyPublished = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_PUBLISHED;
        }
    });

    /** A document just written, with the events its outbox held: published without reading it back. */
    private record Written(OutboxSource source, Object id, List<PendingEvent> events, long sweepsBefore) {}

    /** Sweeps started so far: a sweep after a write may have published its events already. */
    private final AtomicLong sweeps = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<OutboxSource> sources) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.sources = List.copyOf(sources);
    }

    /** An aggregate was written with new events: they leave now, from the copy just saved. */
    public void wakeUp(Object aggregate) {
        var entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass());
        Object id = entity.getIdentifierAccessor(aggregate).getIdentifier();
        sources.stream()
                .filter(source -> source.documentType().isInstance(aggregate))
                .findFirst()
                .ifPresentOrElse(
                        source -> remember(new Written(
                                source, id, List.copyOf(((OutboxAggregate) aggregate).outbox()), sweeps.get())),
                        () -> runAgain.set(true)); // not a declared source: the sweep finds it
        wakeUps.execute(this::relayWritten);
    }

    private void remember(Written document) {
        synchronized (written) {
            written.put(document.source().documentType().getName() + "/" + document.id(), document);
        }
    }

    private Written nextWritten() {
        synchronized (written) {
            var first = written.entrySet().iterator();
            if (!first.hasNext()) {
                return null;
            }
            Written next = first.next().getValue();
            first.remove();
            return next;
        }
    }

    /** Publishes the outboxes of the documents written since the last run, each read by its id. */
    void relayWritten() {
        if (!running.tryLock()) {
            return; // the pass under way relays them before it ends
        }
        try {
            drainWritten();
        } catch (RuntimeException publishingFailed) {
            log.warn("Outbox relay will retry at the next sweep: {}", publishingFailed.toString());
        } finally {
            running.unlock();
            comeBackIfWritten();
        }
    }

    /**
     * Publishes the events of each written document from the copy that was saved; only when a sweep
     * ran in between, which may have published some of them already, is the document read again.
     */
    private void drainWritten() {
        PublishedEvents published = new PublishedEvents();
        try {
            Written next;
            while ((next = nextWritten()) != null) {
                String collection = mongo.getCollectionName(next.source().documentType());
                if (next.sweepsBefore() != sweeps.get()) {
                    Query outboxById = byId(next.id());
                    outboxById.fields().include("outbox");
                    Document document = mongo.findOne(outboxById, Document.class, collection);
                    if (document != null) {
                        publishOutbox(document, next.source(), collection);
                    }
                    continue;
                }
                for (PendingEvent pending : next.events()) {
                    if (!recentlyPublished.contains(pending.eventId())) {
                        publisher.publish(String.valueOf(next.id()), pending);
                        recentlyPublished.add(pending.eventId());
                    }
                }
                published.add(
                        collection,
                        next.id(),
                        next.events().stream().map(PendingEvent::eventId).toList());
                if (published.size() >= BATCH) {
                    published.removeFromOutboxes();
                }
            }
        } finally {
            // What Kafka acknowledged leaves its outbox even when a later send failed; should this fail too,
            // the sweep publishes those events again (consumers deduplicate) and the first failure is told.
            try {
                published.removeFromOutboxes();
            } catch (RuntimeException removalFailed) {
                log.warn("Published events stay in their outboxes until the next sweep: {}", removalFailed.toString());
            }
        }
    }

    /**
     * Events Kafka has acknowledged, by document, taken out of their outboxes together: one command per
     * collection for a pass of written documents, however many gifts it carried, rather than one per
     * document (the timed sweep still removes document by document).
     */
    private final class PublishedEvents {
        private final Map<String, Map<Object, List<String>>> byCollection = new LinkedHashMap<>();

        void add(String collection, Object id, List<String> eventIds) {
            if (eventIds.isEmpty()) {
                return;
            }
            // A document written again during the pass comes twice: both copies' events leave its outbox.
            List<String> published = byCollection
                    .computeIfAbsent(collection, c -> new LinkedHashMap<>())
                    .computeIfAbsent(id, d -> new ArrayList<>());
            eventIds.stream().filter(eventId -> !published.contains(eventId)).forEach(published::add);
        }

        /** Documents whose events wait to leave their outboxes. */
        int size() {
            return byCollection.values().stream().mapToInt(Map::size).sum();
        }

        void removeFromOutboxes() {
            byCollection.forEach((collection, documentsPublished) -> {
                BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
                documentsPublished.forEach((id, eventIds) -> removals.updateOne(byId(id), removal(eventIds)));
                removals.execute();
            });
            byCollection.clear();
        }
    }

    /** A write that woke the relay while a pass held it, after the pass had drained: not left for the sweep. */
    private void comeBackIfWritten() {
        boolean waiting;
        synchronized (written) {
            waiting = !written.isEmpty();
        }
        if (waiting) {
            wakeUps.execute(this::relayWritten);
        }
    }

    /** Every outbox, in batches: what no wake-up carried is published here. */
    @Scheduled(fixedDelayString = "${tirelire.messaging.outbox-poll-interval:5s}")
    public void relayPending() {
        if (!running.tryLock()) {
            return; // the pass under way goes round again, because runAgain is set
        }
        try {
            sweeps.incrementAndGet();
            do {
                runAgain.set(false);
                sources.forEach(this::relayOneBatch);
            } while (runAgain.get());
            drainWritten();
        } catch (RuntimeException publishingFailed) {
            log.warn("Outbox relay will retry: {}", publishingFailed.toString());
        } finally {
            running.unlock();
            comeBackIfWritten();
        }
    }

    private void relayOneBatch(OutboxSource source) {
        String collection = mongo.getCollectionName(source.documentType());
        Query withPendingEvents =
                Query.query(Criteria.where("outbox.0").exists(true)).limit(BATCH);
        withPendingEvents.fields().include("outbox");
        List<Document> documents = mongo.find(withPendingEvents, Document.class, collection);
        for (Document document : documents) {
            publishOutbox(document, source, collection);
        }
        if (documents.size() == BATCH) {
            runAgain.set(true);
        }
    }

    private void publishOutbox(Document document, OutboxSource source, String collection) {
        String subject = String.valueOf(document.get("_id"));
        List<Document> outbox = document.getList("outbox", Document.class);
        if (outbox == null) {
            return;
        }
        List<String> published = new ArrayList<>();
        for (Document entry : outbox) {
            PendingEvent pending = mongo.getConverter().read(PendingEvent.class, entry);
            publisher.publish(subject, pending);
            recentlyPublished.add(pending.eventId());
            published.add(pending.eventId());
        }
        removePublished(document.get("_id"), published, collection);
    }

    /**
     * Takes the published events out of the document's outbox, in one update. Bumping the version
     * makes a writer holding an older copy (with these events still in its outbox) retry from a fresh
     * read, instead of putting them back.
     */
    private void removePublished(Object id, List<String> eventIds, String collection) {
        if (eventIds.isEmpty()) {
            return;
        }
        mongo.updateFirst(byId(id), removal(eventIds), collection);
    }

    private static Query byId(Object id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Update removal(List<String> eventIds) {
        return new Update()
                .pull("outbox", Query.query(Criteria.where("eventId").in(eventIds)))
                .inc("version", 1);
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }
}
