package org.tirelire.donation.subscription;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A period's charge, claimed before it is made: its id is the subscription, the period and the attempt,
 * so of two instances charging the same period one claims it and the other does not charge. The charge's
 * donation id is derived from the claim, so finishing a charge stopped half-way records no second gift.
 */
@Document("subscription_charges")
record ChargeClaim(
        @Id String id, String subscriptionId, int period, int attempt, String donationId, Instant claimedAt) {

    static String idOf(String subscriptionId, int period, int attempt) {
        return subscriptionId + "/" + period + "/" + attempt;
    }

    static String donationIdOf(String claimId) {
        return java.util
                .UUID
                .nameUUIDFromBytes(("charge:" + claimId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
