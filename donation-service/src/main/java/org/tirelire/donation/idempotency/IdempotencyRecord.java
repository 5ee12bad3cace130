package org.tirelire.donation.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An {@code Idempotency-Key} as first used: the fingerprint of the request it came with, and the
 * donation it created. Written before the donation, so two concurrent requests with one key race on
 * this document's unique id and only one donation id ever exists for a key. Kept for 48 hours.
 */
@Document("idempotency_keys")
public record IdempotencyRecord(
        @Id String key,
        String requestFingerprint,
        String donationId,
        @Indexed(expireAfter = "48h") Instant createdAt) {}
