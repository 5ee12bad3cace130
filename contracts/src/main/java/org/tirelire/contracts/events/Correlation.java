package org.tirelire.contracts.events;

/**
 * How one user action is followed across services: the gateway sets the HTTP header on every
 * request that lacks it, services log it, and events carry it as a CloudEvents extension attribute.
 */
public final class Correlation {

    public static final String HTTP_HEADER = "X-Correlation-Id";

    /** CloudEvents extension attribute names are lower-case letters and digits only. */
    public static final String CLOUD_EVENT_ATTRIBUTE = "correlationid";

    /** Kafka record header carrying the same id, for tools that read headers rather than values. */
    public static final String KAFKA_HEADER = "correlationId";

    /** The key under which services put the id in the logging context. */
    public static final String LOG_KEY = "correlationId";

    private Correlation() {}
}
