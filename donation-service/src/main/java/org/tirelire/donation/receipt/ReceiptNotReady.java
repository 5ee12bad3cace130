package org.tirelire.donation.receipt;

import org.jspecify.annotations.Nullable;

/** The receipt is not issued yet, and will be: answered 409, with {@code Retry-After} when it is a matter of seconds. */
public class ReceiptNotReady extends RuntimeException {

    private final @Nullable Integer retryAfterSeconds;

    public ReceiptNotReady(String message, @Nullable Integer retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public @Nullable Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
