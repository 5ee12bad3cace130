package org.tirelire.web.platform;

import java.time.Duration;

/**
 * A service asked for the request again in a moment (503 with {@code Retry-After}): it is busy and shed
 * it before doing anything. Not a failure of the service: it does not count against its breaker.
 */
public class PlatformBusy extends RuntimeException {

    private final String service;
    private final Duration retryAfter;

    public PlatformBusy(String service, Duration retryAfter) {
        super(service + " asked to be called again in " + retryAfter.toSeconds() + " s");
        this.service = service;
        this.retryAfter = retryAfter;
    }

    public String service() {
        return service;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
