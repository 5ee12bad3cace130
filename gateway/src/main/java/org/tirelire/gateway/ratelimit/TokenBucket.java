package org.tirelire.gateway.ratelimit;

import java.time.Duration;

/** A token bucket: {@code capacity} tokens, one more every {@code 60 s / perMinute}. Thread-safe. */
final class TokenBucket {

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, int perMinute, long now) {
        this.capacity = capacity;
        this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes a token if there is one; otherwise says how long until there will be. */
    synchronized Duration tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    synchronized boolean isFull(long now) {
        return tokens + (now - refilledAt) * tokensPerNano >= capacity;
    }
}
