package org.tirelire.donation.donation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;

/**
 * The copy of each gift this instance wrote when its payment started, so that the provider's webhook
 * settles it without reading it again (ADR 44). A copy changed since by anyone (the outbox relay, another
 * instance, an erasure) fails the save's version check and is read afresh.
 *
 * <p>Each copy is kept as the document the store would hold, made by the store's own mapping so that no
 * field is left out, and handed out once as an object of its own: the object the payment's start answers
 * from, and two webhooks for one payment, never share one.
 */
@Component
class AwaitedPayments {

    /**
     * Past this many gifts the oldest go: a bound on memory (a few MB). The sandbox's webhook comes within a
     * second; a donor who takes minutes on a provider's page while many others give is read as before.
     */
    static final int MAX_KEPT = 1_024;

    private final MongoConverter mapping;

    private final Map<String, Document> copies = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > MAX_KEPT;
        }
    };

    AwaitedPayments(MongoConverter mapping) {
        this.mapping = mapping;
    }

    void keep(Donation awaitingPayment) {
        Document copy = new Document();
        mapping.write(awaitingPayment, copy);
        synchronized (this) {
            copies.put(awaitingPayment.id(), copy);
        }
    }

    Optional<Donation> take(String donationId) {
        Document copy;
        synchronized (this) {
            copy = copies.remove(donationId);
        }
        return Optional.ofNullable(copy).map(document -> mapping.read(Donation.class, document));
    }

    /** Drops a gift's copy: after an erasure, no copy keeps its donor's data. */
    synchronized void forget(String donationId) {
        copies.remove(donationId);
    }
}
