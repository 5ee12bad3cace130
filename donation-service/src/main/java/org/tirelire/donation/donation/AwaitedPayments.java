package org.tirelire.donation.donation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The copy of each gift this instance wrote when its payment started, so that the provider's webhook
 * confirms it without reading it again. A copy is handed out once: two webhooks for one payment never
 * change the same object. A copy changed since by anyone (the outbox relay, another instance, an erasure)
 * fails the save's version check and is read afresh, so a stale one costs only the read it meant to save.
 */
@Component
class AwaitedPayments {

    /** Past this many gifts the oldest go: a bound on memory (a few MB), far more than a webhook's delay needs. */
    static final int MAX_KEPT = 4_096;

    private final Map<String, Donation> copies = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Donation> eldest) {
            return size() > MAX_KEPT;
        }
    };

    synchronized void keep(Donation awaitingPayment) {
        copies.put(awaitingPayment.id(), awaitingPayment);
    }

    synchronized Optional<Donation> take(String donationId) {
        return Optional.ofNullable(copies.remove(donationId));
    }
}
