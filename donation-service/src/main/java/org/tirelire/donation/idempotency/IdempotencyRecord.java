package org.tirelire.donation.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An {@code Idempotency-Key} as Tirelire claimed it before gifts kept their own key (ADR 45): the
 * fingerprint of the request it came with, and the donation it created, written before the donation.
 * Only read now, and moved onto its gift ({@link KeysClaimedApart}); the store expires any left after 48 hours.
 */
@Document("idempotency_keys")
public record IdempotencyRecord(
        @Id String key,
        String requestFingerprint,
        String donationId,
        @Indexed(expireAfter = "48h") Instant createdAt) {}
