package org.tirelire.web.platform;

/** A service did not answer in time, answered 5xx, or its circuit breaker is open. Nothing can be assumed. */
public class PlatformUnavailable extends RuntimeException {

    private final String service;

    public PlatformUnavailable(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
