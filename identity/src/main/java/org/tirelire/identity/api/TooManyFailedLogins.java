package org.tirelire.identity.api;

import java.time.Duration;

/** Too many failed logins for this email lately: answered 429 with {@code Retry-After}. */
public class TooManyFailedLogins extends RuntimeException {

    private final Duration retryAfter;

    public TooManyFailedLogins(Duration retryAfter) {
        super("Too many failed logins for this account: try again in "
                + Math.max(1, retryAfter.toMinutes() + (retryAfter.toSecondsPart() > 0 ? 1 : 0)) + " minutes");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
