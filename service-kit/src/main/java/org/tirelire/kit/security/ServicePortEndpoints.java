package org.tirelire.kit.security;

/**
 * What each service answers without a token on its own port, which listens on loopback (or inside the
 * compose network) only: health, the figures for Prometheus, the handlers' list and the API description
 * the gateway joins and serves (/v3/api-docs), and the error page.
 */
public final class ServicePortEndpoints {

    public static final String[] OPEN = {
        "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/actuator/mappings", "/v3/api-docs", "/error"
    };

    private ServicePortEndpoints() {}
}
