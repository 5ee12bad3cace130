package org.tirelire.gateway.edge;

/**
 * Where the edge's own web filters stand. The correlation id comes first of all; the filters that refuse a
 * request themselves (a limit per address, a gift shed) come right after Spring Security's chain, so that
 * their answers carry the security headers and, for an allowed origin, CORS's; before anything is routed.
 */
public final class EdgeFilterOrder {

    /**
     * Spring Security's {@code WebFilterChainProxy}: {@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER},
     * which is not public (a test holds the two equal).
     */
    public static final int SECURITY_CHAIN = -100;

    public static final int RATE_LIMIT = SECURITY_CHAIN + 1;

    public static final int GIFT_SHEDDING = SECURITY_CHAIN + 2;

    private EdgeFilterOrder() {}
}
