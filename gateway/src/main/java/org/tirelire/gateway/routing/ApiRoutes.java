package org.tirelire.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which service answers which part of the public API. Paths under {@code /api/campaigns/{id}} belong
 * to the service that owns the data: donations to donation-service, collection pages and live feeds
 * to notification-service, the rest to campaign-service; the more specific routes come first.
 */
@Configuration
class ApiRoutes {

    @Bean
    RouteLocator apiRouteLocator(RouteLocatorBuilder routes, ServiceProperties services) {
        return routes.routes()
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
                                .uri(services.donationUri()))
                .route(
                        "notification-service",
                        r -> r.order(2)
                                .path(
                                        "/api/campaigns/*/fundraisers",
                                        "/api/campaigns/*/teams",
                                        "/api/fundraisers",
                                        "/api/fundraisers/**",
                                        "/api/campaigns/*/live")
                                .uri(services.notificationUri()))
                .route(
                        "campaign-service",
                        r -> r.order(3)
                                .path("/api/campaigns", "/api/campaigns/**")
                                .uri(services.campaignUri()))
                .build();
    }
}
