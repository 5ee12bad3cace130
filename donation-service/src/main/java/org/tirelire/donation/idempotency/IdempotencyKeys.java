package org.tirelire.donation.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests with one Idempotency-Key the same request: the fingerprint of their bodies,
 * kept with the gift the first one made (ADR 45).
 */
@Component
public class IdempotencyKeys {

    private final JsonMapper json;

    public IdempotencyKeys(JsonMapper json) {
        this.json = json;
    }

    /** The SHA-256 of the request's body as JSON: what a repeat must match. */
    public String fingerprint(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * @param first the fingerprint kept from the key's first request; null once its donor's data was erased,
     *     when no request can be told to be the same any more
     * @throws IdempotencyKeyReused when the key first came with another body
     */
    public static void requireSameRequest(String key, @Nullable String first, String fingerprint) {
        if (!Objects.equals(first, fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
    }
}
