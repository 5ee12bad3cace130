package org.tirelire.gateway.routing;

import static org.tirelire.gateway.routing.ServiceProperties.CAMPAIGN_SERVICE;
import static org.tirelire.gateway.routing.ServiceProperties.DONATION_SERVICE;
import static org.tirelire.gateway.routing.ServiceProperties.NOTIFICATION_SERVICE;
import static org.tirelire.gateway.routing.ServiceProperties.loadBalanced;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Which service answers which part of the public API. Paths under {@code /api/campaigns/{id}} belong
 * to the service that owns the data: donations to donation-service, collection pages and live feeds
 * to notification-service, the rest to campaign-service; the more specific routes come first.
 *
 * <p>Every route has a timeout and a circuit breaker whose fallback is a 503 problem naming the
 * part that is down; GETs are retried, since they change nothing, and other calls only when they
 * cannot be done twice (see {@link #retries}). Server-Sent Event streams
 * have routes of their own with neither: they are meant to stay open.
 */
@Configuration
class ApiRoutes {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    /**
     * No legitimate API call sends more; larger bodies are refused with 413 before reaching a service, by
     * {@link OwnCopyOfRequestBody}, which reads the body first.
     */
    static final DataSize MAX_BODY = DataSize.ofKilobytes(64);

    /** The receipt settings, with the signature's image: the service takes up to 400 000 characters of it. */
    static final DataSize MAX_RECEIPT_SETTINGS_BODY = DataSize.ofKilobytes(512);

    @Bean
    RouteLocator apiRouteLocator(RouteLocatorBuilder routes, LastKnownProgress lastKnownProgress) {
        return routes.routes()
                .route(
                        "live-streams",
                        r -> r.order(0).path("/api/campaigns/*/progress/stream").uri(loadBalanced(CAMPAIGN_SERVICE)))
                .route(
                        "live-feeds",
                        r -> r.order(0).path("/api/campaigns/*/live").uri(loadBalanced(NOTIFICATION_SERVICE)))
                .route(
                        "donation-service",
                        r -> r.order(1)
                                .path(
                                        "/api/donations",
                                        "/api/donations/**",
                                        "/api/payments/**",
                                        "/api/campaigns/*/donations",
                                        "/api/campaigns/*/offline-donations",
                                        "/api/campaigns/*/supporters",
                                        "/api/campaigns/*/insights",
                                        "/api/campaigns/*/receipt-policy",
                                        "/api/organisations/me/payments",
                                        "/api/organisations/me/moderation",
                                        "/api/subscriptions/**",
                                        "/api/organisations/me/subscriptions",
                                        "/api/organisations/me/subscriptions/**",
                                        "/api/admin/test-clock/**",
                                        "/api/organisations/me/receipts",
                                        "/api/organisations/me/receipts/**")
                                .filters(resilient(DONATION_SERVICE))
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, CALL_TIMEOUT.toMillis())
                                .uri(loadBalanced(DONATION_SERVICE)))
                .route(
                        "notification-service",
                        r -> r.order(2)
                                .path(
                                        "/api/campaigns/*/fundraisers",
                                        "/api/campaigns/*/teams",
                                        "/api/fundraisers",
                                        "/api/fundraisers/**",
                                        "/api/webhooks",
                                        "/api/webhooks/**",
                                        "/api/unsubscribe")
                                .filters(resilient(NOTIFICATION_SERVICE))
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, CALL_TIMEOUT.toMillis())
                                .uri(loadBalanced(NOTIFICATION_SERVICE)))
                .route(
                        "campaign-progress",
                        r -> r.order(2)
                                .method(HttpMethod.GET)
                                .and()
                                .path("/api/campaigns/*/progress")
                                .filters(filters -> lastKnownProgress(filters, lastKnownProgress))
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, CALL_TIMEOUT.toMillis())
                                .uri(loadBalanced(CAMPAIGN_SERVICE)))
                .route(
                        "campaign-service",
                        r -> r.order(3)
                                .path("/api/campaigns", "/api/campaigns/**")
                                .filters(resilient(CAMPAIGN_SERVICE))
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, CALL_TIMEOUT.toMillis())
                                .uri(loadBalanced(CAMPAIGN_SERVICE)))
                .build();
    }

    private static Function<GatewayFilterSpec, UriSpec> resilient(String service) {
        // Retries inside the breaker: it sees a failure only once every attempt has failed.
        return filters -> retries(filters.circuitBreaker(
                breaker -> breaker.setName(service).setFallbackUri("forward:/unavailable/" + service)));
    }

    /**
     * A campaign's progress, as for the rest of campaign-service, except that each answer is kept and,
     * while campaign-service is unreachable, the last one is given back marked as such (see {@link
     * UnavailableServiceController#lastKnownProgress}).
     */
    private static UriSpec lastKnownProgress(GatewayFilterSpec filters, LastKnownProgress lastKnown) {
        return retries(filters.filter((exchange, chain) -> {
                            exchange.getAttributes()
                                    .put(
                                            LastKnownProgress.CAMPAIGN_ID_ATTRIBUTE,
                                            LastKnownProgress.campaignIdIn(exchange.getRequest()
                                                    .getPath()
                                                    .value()));
                            return chain.filter(exchange);
                        })
                        .circuitBreaker(breaker -> breaker.setName(CAMPAIGN_SERVICE)
                                .setFallbackUri("forward:/unavailable/campaign-service/progress")))
                // Only what campaign-service itself answered is kept: never the stored copy given back.
                .modifyResponseBody(String.class, String.class, (exchange, body) -> {
                    if (body != null
                            && HttpStatus.OK.equals(exchange.getResponse().getStatusCode())
                            && !exchange.getResponse().getHeaders().containsHeader(LastKnownProgress.CACHE_STATUS)) {
                        lastKnown.record(exchange.getRequiredAttribute(LastKnownProgress.CAMPAIGN_ID_ATTRIBUTE), body);
                    }
                    return Mono.justOrEmpty(body);
                });
    }

    /**
     * A GET changes nothing, so it is tried again after any failure. Any other call is tried again only
     * when it cannot have been done twice: when the connection itself was refused (an instance that is
     * down; the load balancer then picks the next one), or when it carries an {@code Idempotency-Key},
     * which the service uses to answer a repeat with the first result (a gift sent on a pooled
     * connection to an instance that has just died fails with a reset after it was sent).
     */
    @SuppressWarnings("unchecked")
    private static GatewayFilterSpec retries(GatewayFilterSpec filters) {
        return filters.retry(retry -> retry.setRetries(2).setMethods(HttpMethod.GET))
                .retry(retry -> retry.setRetries(2)
                        .setMethods(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                        .setSeries()
                        .setExceptions(ConnectException.class))
                .filter(ApiRoutes::retryIdempotentWrites);
    }

    private static Mono<Void> retryIdempotentWrites(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (HttpMethod.GET.equals(request.getMethod()) || !request.getHeaders().containsHeader(IDEMPOTENCY_KEY)) {
            return chain.filter(exchange);
        }
        // The request body is kept by the gateway for this route (its retry filters ask for that).
        return Mono.defer(() -> chain.filter(exchange))
                .retryWhen(Retry.max(2)
                        .filter(failure -> failure instanceof IOException || failure.getCause() instanceof IOException)
                        .doBeforeRetry(signal -> ServerWebExchangeUtils.reset(exchange)));
    }

    /** A breaker opens when half of the last 20 calls failed (at least 10), and tries again after 10 s. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceBreakers() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(
                        TimeLimiterConfig.custom().timeoutDuration(CALL_TIMEOUT).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .build())
                .build());
    }
}
