package org.tirelire.web.platform;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.tirelire.web.platform.PlatformRequests.NewWebhook;
import org.tirelire.web.platform.PlatformViews.Webhook;
import org.tirelire.web.platform.PlatformViews.WebhookDelivery;
import reactor.core.publisher.Mono;

/** notification-service's webhooks of an organisation, as the dashboard calls them. */
@HttpExchange("/api/webhooks")
public interface WebhookApi {

    @GetExchange("/event-types")
    Mono<List<String>> eventTypes(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @GetExchange
    Mono<List<Webhook>> webhooks(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PostExchange
    Mono<Webhook> register(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody NewWebhook webhook);

    @GetExchange("/{id}/deliveries")
    Mono<List<WebhookDelivery>> deliveries(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    @PostExchange("/{id}/ping")
    Mono<Void> ping(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    @DeleteExchange("/{id}")
    Mono<Void> delete(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);
}
