package org.tirelire.gateway.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the public writes, per client address, under {@code tirelire.rate-limits}. Each limit is
 * a token bucket: {@code capacity} requests at once, refilled at {@code perMinute}.
 *
 * @param limits by name: {@code donations}, {@code signups}, {@code logins}, {@code fundraisers}
 */
@ConfigurationProperties("tirelire.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Limit> limits) {

    public record Limit(int capacity, int perMinute) {}
}
