package org.tirelire.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.tirelire.gateway.edge.EdgeFilterOrder;
import org.tirelire.gateway.edge.EdgeProblem;
import reactor.core.publisher.Mono;

/**
 * Limits the public writes per client address, in memory (no Redis needed on a laptop; each gateway
 * instance counts for itself). Over the limit: 429 with {@code Retry-After} and a problem document.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    /** Each limit covers the API write and the web page form that does the same. */
    private static final Map<String, List<PathPattern>> LIMITED_WRITES = new LinkedHashMap<>();

    static {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        LIMITED_WRITES.put(
                "donations",
                List.of(
                        parser.parse("/api/donations"),
                        parser.parse("/campaigns/{slug}/give"),
                        parser.parse("/embed/campaigns/{slug}/give")));
        LIMITED_WRITES.put("signups", List.of(parser.parse("/api/auth/signup"), parser.parse("/organiser/signup")));
        LIMITED_WRITES.put(
                "logins",
                List.of(
                        parser.parse("/api/auth/login"),
                        parser.parse("/api/auth/refresh"),
                        parser.parse("/organiser/login"),
                        // Accepting an invitation checks a password too (an existing account's).
                        parser.parse("/api/invitations/{token}/accept")));
        LIMITED_WRITES.put(
                "fundraisers",
                List.of(
                        parser.parse("/api/campaigns/{id}/fundraisers"),
                        parser.parse("/campaigns/{slug}/fundraisers/new")));
    }

    private final RateLimitProperties properties;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** Refusals per limit, for Prometheus (each counted from zero, so that a rate can be drawn at once). */
    private final Map<String, Counter> refusals = new HashMap<>();

    RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        LIMITED_WRITES
                .keySet()
                .forEach(limit -> refusals.put(
                        limit,
                        Counter.builder("tirelire.rate.limit.refusals")
                                .description("Writes refused with 429 because their address was over a limit")
                                .tag("limit", limit)
                                .register(meters)));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!properties.enabled() || request.getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        for (Map.Entry<String, List<PathPattern>> write : LIMITED_WRITES.entrySet()) {
            RateLimitProperties.Limit limit = properties.limits().get(write.getKey());
            if (limit != null
                    && write.getValue().stream()
                            .anyMatch(
                                    pattern -> pattern.matches(request.getPath().pathWithinApplication()))) {
                long now = System.nanoTime();
                String key = write.getKey() + "|" + clientAddress(request);
                Duration wait = buckets.computeIfAbsent(
                                key, k -> new TokenBucket(limit.capacity(), limit.perMinute(), now))
                        .tryTake(now);
                if (wait.isZero()) {
                    return chain.filter(exchange);
                }
                refusals.get(write.getKey()).increment();
                return tooManyRequests(exchange, write.getKey(), wait);
            }
        }
        return chain.filter(exchange);
    }

    /** Whether a {@code POST} to this path counts against one of the limits (the API description says so). */
    public static boolean limitsWritesTo(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return LIMITED_WRITES.values().stream().flatMap(List::stream).anyMatch(pattern -> pattern.matches(container));
    }

    /** Buckets that have filled up again hold no information: forget them, so memory stays small. */
    @Scheduled(fixedDelay = 60_000)
    void forgetIdleClients() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    private static Mono<Void> tooManyRequests(ServerWebExchange exchange, String what, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
        return EdgeProblem.afterTheBody(
                exchange,
                () -> EdgeProblem.write(
                        exchange,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "Too many %s from your address: please wait %d s and try again.".formatted(what, seconds)));
    }

    /** Right after the security chain, so that a 429 carries the security headers and, for an allowed origin, CORS's. */
    @Override
    public int getOrder() {
        return EdgeFilterOrder.RATE_LIMIT;
    }
}
