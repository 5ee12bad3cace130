package org.tirelire.donation.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Claims an idempotency key for a request, or finds the donation an identical earlier request created. */
@Component
public class IdempotencyKeys {

    private final IdempotencyRecords records;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotencyKeys(IdempotencyRecords records, JsonMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The claim an earlier request with this key made, if any: a repeated request is answered from it
     * even if the campaign has closed since.
     *
     * @throws IdempotencyKeyReused when the key came earlier with another request
     */
    public java.util.Optional<Claim> earlierClaim(String key, Object request) {
        String fingerprint = fingerprint(request);
        return records.findById(key).map(first -> {
            if (!first.requestFingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReused(key);
            }
            return new Claim(first.donationId(), false);
        });
    }

    /**
     * The donation id this key stands for: a new one the first time, the first one again when the same
     * request is repeated.
     *
     * @throws IdempotencyKeyReused when the key came earlier with another request
     */
    public Claim claim(String key, Object request) {
        String fingerprint = fingerprint(request);
        IdempotencyRecord fresh =
                new IdempotencyRecord(key, fingerprint, UUID.randomUUID().toString(), clock.instant());
        try {
            records.insert(fresh);
            return new Claim(fresh.donationId(), true);
        } catch (DuplicateKeyException alreadyUsed) {
            IdempotencyRecord first = records.findById(key).orElseThrow(() -> alreadyUsed);
            if (!first.requestFingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReused(key);
            }
            return new Claim(first.donationId(), false);
        }
    }

    /** @param firstUse false when an earlier request with this key and body got there first */
    public record Claim(String donationId, boolean firstUse) {}

    private String fingerprint(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
