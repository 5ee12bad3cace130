package org.tirelire.donation.idempotency;

/** The key was first used with a different request: the client is confused, and nothing is created. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key '" + key + "' was already used with a different request body");
    }
}
