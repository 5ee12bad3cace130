package org.tirelire.campaign.messaging;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tirelire.campaign.campaign.Campaign;

/**
 * Publishes the events waiting in campaigns' outboxes, oldest first, and removes each one once Kafka
 * has acknowledged it. A crash between the two publishes the event again: consumers deduplicate by
 * event id or by state. Runs when woken after a write and every half second in case a wake-up was lost.
 */
@Component
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean runAgain = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));

    OutboxRelay(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    public void wakeUp() {
        runAgain.set(true);
        wakeUps.execute(this::relayPending);
    }

    @Scheduled(fixedDelayString = "${tirelire.outbox.poll-interval:500ms}")
    public void relayPending() {
        if (!running.tryLock()) {
            return; // the running pass will go round again because runAgain is set
        }
        try {
            do {
                runAgain.set(false);
                relayOneBatch();
            } while (runAgain.get());
        } catch (RuntimeException publishingFailed) {
            log.warn("Outbox relay will retry: {}", publishingFailed.toString());
        } finally {
            running.unlock();
        }
    }

    private void relayOneBatch() {
        Query withPendingEvents = Query.query(Criteria.where("outbox.0").exists(true)).limit(BATCH);
        List<Campaign> campaigns = mongo.find(withPendingEvents, Campaign.class);
        for (Campaign campaign : campaigns) {
            for (PendingEvent pending : campaign.outbox()) {
                publisher.publish(campaign.id(), campaign.id(), pending);
                // Bumping the version makes a writer holding an older copy (with this event still
                // in its outbox) retry, instead of putting the event back.
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(campaign.id())),
                        new Update()
                                .pull("outbox", Query.query(Criteria.where("eventId").is(pending.eventId())))
                                .inc("version", 1),
                        Campaign.class);
            }
        }
        if (campaigns.size() == BATCH) {
            runAgain.set(true);
        }
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }
}
