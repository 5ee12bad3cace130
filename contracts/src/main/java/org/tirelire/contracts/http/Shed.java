package org.tirelire.contracts.http;

/**
 * How a busy donation-service says it shed a gift (ADR 39): a {@code 503} with {@code Retry-After} and this
 * header, answered before anything was read or written. Only such an answer is to be sent again with the
 * same {@code Idempotency-Key}; any other 503 is a failure (a provider away, the gateway's breaker open).
 */
public final class Shed {

    /** Present, with the value {@link #VALUE}, on a shed gift's answer. */
    public static final String HEADER = "Tirelire-Shed";

    public static final String VALUE = "gift";

    private Shed() {}

    /** Whether an answer with this status and header value is a shed gift. */
    public static boolean is(int status, String headerValue) {
        return status == 503 && VALUE.equals(headerValue);
    }
}
