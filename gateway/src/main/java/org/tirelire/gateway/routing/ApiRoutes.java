package org.tirelire.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * Which service answers which part of the public API. Paths under {@code /api/campaigns/{id}} belong
 * to the service that owns the data: donations to donation-service, collection pages and live feeds
 * to notification-service, the rest to campaign-service; the more specific routes come first.
 *
 * <p>Every route has a timeout and a circuit breaker whose fallback is a 503 problem naming the
 * part that is down; only GETs are retried, since they change nothing. Server-Sent Event streams
 * have routes of their own with neither: they are meant to stay open.
 */
@Configuration
class ApiRoutes {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    /** No legitimate API call sends more; larger bodies are refused with 413 before reaching a service. */
    private static final DataSize MAX_BODY = DataSize.ofKilobytes(64);

    @Bean
    RouteLocator apiRouteLocator(RouteLocatorBuilder routes, ServiceProperties services) {
        return routes.routes()
                .route(
                        "live-streams",
                        r -> r.order(0).path("/api/campaigns/*/progress/stream").uri(services.campaignUri()))
                .route(
                        "live-feeds",
                        r -> r.order(0).path("/api/campaigns/*/live").uri(services.notificationUri()))
                .route(
                        "donation-service",
                        r -> r.order(1)
                                .path(
                                        "/api/donations",
                                        "/api/donations/**",
                                        "/api/payments/webhooks/**",
                                        "/api/campaigns/*/donations",
                                        "/api/campaigns/*/offline-donations",
                                        "/api/campaigns/*/supporters")
                                .filters(resilient("donation-service"))
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, CALL_TIMEOUT.toMillis())
                                .uri(services.donationUri()))
                .route(
                        "notification-service",
                        r -> r.order(2)
                                .path(
                                        "/api/campaigns/*/fundraisers",
                                        "/api/campaigns/*/teams",
                                        "/api/fundraisers",
                                        "/api/fundraisers/**",
                                        "/api/unsubscribe")
                                .filters(resilient("notification-service"))
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, CALL_TIMEOUT.toMillis())
                                .uri(services.notificationUri()))
                .route(
                        "campaign-service",
                        r -> r.order(3)
                                .path("/api/campaigns", "/api/campaigns/**")
                                .filters(resilient("campaign-service"))
                                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, CALL_TIMEOUT.toMillis())
                                .uri(services.campaignUri()))
                .build();
    }

    private static Function<GatewayFilterSpec, UriSpec> resilient(String service) {
        return filters -> filters.setRequestSize(MAX_BODY)
                .retry(retry -> retry.setRetries(2).setMethods(HttpMethod.GET))
                .circuitBreaker(breaker -> breaker.setName(service).setFallbackUri("forward:/unavailable/" + service));
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
