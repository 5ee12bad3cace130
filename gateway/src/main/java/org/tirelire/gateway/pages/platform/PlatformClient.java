package org.tirelire.gateway.pages.platform;

import io.netty.channel.ChannelOption;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import org.tirelire.gateway.pages.platform.PlatformViews.Campaign;
import org.tirelire.gateway.pages.platform.PlatformViews.Donation;
import org.tirelire.gateway.pages.platform.PlatformViews.DonationsPage;
import org.tirelire.gateway.pages.platform.PlatformViews.Fundraiser;
import org.tirelire.gateway.pages.platform.PlatformViews.News;
import org.tirelire.gateway.pages.platform.PlatformViews.OrganiserDonation;
import org.tirelire.gateway.pages.platform.PlatformViews.PaymentMethods;
import org.tirelire.gateway.pages.platform.PlatformViews.Progress;
import org.tirelire.gateway.pages.platform.PlatformViews.Supporter;
import org.tirelire.gateway.pages.platform.PlatformViews.Team;
import org.tirelire.gateway.pages.platform.PlatformViews.Webhook;
import org.tirelire.gateway.pages.platform.PlatformViews.WebhookDelivery;
import org.tirelire.gateway.routing.ServiceProperties;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages' way to the services: the same public API an outside client uses, called directly on
 * the services (the pages are part of the front door) through the same circuit breakers as the API
 * routes. A 4xx answer becomes a {@link PlatformRefusal}; no answer, a 5xx or an open breaker a
 * {@link PlatformUnavailable}. Organisers' calls carry their token, which the service checks itself.
 */
@Component
public class PlatformClient {

    private static final String CAMPAIGN_SERVICE = ServiceProperties.CAMPAIGN_SERVICE;
    private static final String DONATION_SERVICE = ServiceProperties.DONATION_SERVICE;
    private static final String NOTIFICATION_SERVICE = ServiceProperties.NOTIFICATION_SERVICE;

    /** Services may add fields: the pages read what they know and ignore the rest. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final WebClient http;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    PlatformClient(
            ReactorLoadBalancerExchangeFilterFunction loadBalancer, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        // A page waits less than an API client would: a donor on a phone does not wait 15 s for a page.
        this.http = WebClient.builder()
                .filter(loadBalancer)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                        .responseTimeout(Duration.ofSeconds(8))))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        this.breakers = breakers;
    }

    // campaign-service

    public Mono<List<Campaign>> liveCampaigns() {
        return call(
                        CAMPAIGN_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns")
                                .queryParam("status", "LIVE")
                                .build())
                .map(reply -> read(reply, new TypeReference<List<Campaign>>() {}));
    }

    public Mono<List<Campaign>> campaignsOf(String token) {
        return call(
                        CAMPAIGN_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns").queryParam("mine", true).build(),
                        token)
                .map(reply -> read(reply, new TypeReference<List<Campaign>>() {}));
    }

    public Mono<Campaign> campaign(String idOrSlug, @Nullable String token) {
        return call(
                        CAMPAIGN_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}").build(idOrSlug),
                        token)
                .map(reply -> read(reply, new TypeReference<Campaign>() {}));
    }

    public Mono<Progress> progress(String campaignId) {
        return call(
                        CAMPAIGN_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}/progress").build(campaignId))
                .map(reply -> read(reply, new TypeReference<Progress>() {}));
    }

    public Mono<Campaign> createCampaign(String token, Map<String, Object> campaign) {
        return send(
                        CAMPAIGN_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/campaigns").build(),
                        token,
                        campaign)
                .map(reply -> read(reply, new TypeReference<Campaign>() {}));
    }

    public Mono<Campaign> reviseCampaign(String token, String campaignId, Map<String, Object> changes) {
        return send(
                        CAMPAIGN_SERVICE,
                        HttpMethod.PATCH,
                        u -> u.path("/api/campaigns/{id}").build(campaignId),
                        token,
                        changes)
                .map(reply -> read(reply, new TypeReference<Campaign>() {}));
    }

    /** {@code action}: publish, close or cancel. */
    public Mono<Campaign> changeCampaignStatus(String token, String campaignId, String action) {
        return send(
                        CAMPAIGN_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/campaigns/{id}/{action}").build(campaignId, action),
                        token,
                        Map.of())
                .map(reply -> read(reply, new TypeReference<Campaign>() {}));
    }

    /** A draft's news (there are none, but the call is the same) is visible to its organiser only. */
    public Mono<List<News>> news(String campaignId, @Nullable String token) {
        return call(
                        CAMPAIGN_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}/news").build(campaignId),
                        token)
                .map(reply -> read(reply, new TypeReference<List<News>>() {}));
    }

    public Mono<News> postNews(String token, String campaignId, String title, String body) {
        return send(
                        CAMPAIGN_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/campaigns/{id}/news").build(campaignId),
                        token,
                        Map.of("title", title, "body", body))
                .map(reply -> read(reply, new TypeReference<News>() {}));
    }

    // donation-service

    /** A donor's gift; the same key (made when the form was shown) never gives twice. */
    public Mono<Donation> give(String idempotencyKey, Map<String, Object> gift) {
        return call(
                        DONATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/donations").build(),
                        null,
                        gift,
                        Map.of("Idempotency-Key", idempotencyKey))
                .map(reply -> read(reply, new TypeReference<Donation>() {}));
    }

    public Mono<PaymentMethods> paymentMethods() {
        return call(
                        DONATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/payments/methods").build())
                .map(reply -> read(reply, new TypeReference<PaymentMethods>() {}));
    }

    public Mono<Donation> donation(String donationId) {
        return call(
                        DONATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/donations/{id}").build(donationId))
                .map(reply -> read(reply, new TypeReference<Donation>() {}));
    }

    public Mono<List<Supporter>> supporters(String campaignId) {
        return call(
                        DONATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}/supporters").build(campaignId))
                .map(reply -> read(reply, new TypeReference<List<Supporter>>() {}));
    }

    public Mono<DonationsPage> donations(String token, String campaignId, int page, @Nullable String status) {
        return call(
                        DONATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}/donations")
                                .queryParam("page", page)
                                .queryParam("size", 50)
                                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                                .build(campaignId),
                        token)
                .map(reply -> read(reply, new TypeReference<DonationsPage>() {}));
    }

    /** The CSV export for French Excel, as donation-service writes it. */
    public Mono<byte[]> donationsCsv(String token, String campaignId) {
        return call(
                        DONATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}/donations").build(campaignId),
                        token,
                        null,
                        Map.of(HttpHeaders.ACCEPT, "text/csv"))
                .map(reply -> {
                    failIfRefused(reply);
                    return reply.getBody() == null ? new byte[0] : reply.getBody();
                });
    }

    public Mono<OrganiserDonation> recordOfflineGift(String token, String campaignId, Map<String, Object> gift) {
        return send(
                        DONATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/campaigns/{id}/offline-donations").build(campaignId),
                        token,
                        gift)
                .map(reply -> read(reply, new TypeReference<OrganiserDonation>() {}));
    }

    public Mono<Void> refund(String token, String donationId) {
        return send(
                        DONATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/donations/{id}/refund").build(donationId),
                        token,
                        Map.of())
                .doOnNext(PlatformClient::failIfRefused)
                .then();
    }

    // notification-service

    public Mono<List<Fundraiser>> leaderboard(String campaignId) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}/fundraisers").build(campaignId))
                .map(reply -> read(reply, new TypeReference<List<Fundraiser>>() {}));
    }

    public Mono<List<Team>> teams(String campaignId) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/campaigns/{id}/teams").build(campaignId))
                .map(reply -> read(reply, new TypeReference<List<Team>>() {}));
    }

    public Mono<Fundraiser> fundraiser(String slug) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/fundraisers/{slug}").build(slug))
                .map(reply -> read(reply, new TypeReference<Fundraiser>() {}));
    }

    public Mono<Fundraiser> openFundraiser(String campaignId, Map<String, Object> page) {
        return send(
                        NOTIFICATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/campaigns/{id}/fundraisers").build(campaignId),
                        null,
                        page)
                .map(reply -> read(reply, new TypeReference<Fundraiser>() {}));
    }

    public Mono<Fundraiser> editFundraiser(String slug, String editToken, Map<String, Object> changes) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.PATCH,
                        u -> u.path("/api/fundraisers/{slug}").build(slug),
                        null,
                        changes,
                        Map.of("Fundraiser-Edit-Token", editToken))
                .map(reply -> read(reply, new TypeReference<Fundraiser>() {}));
    }

    public Mono<Fundraiser> closeFundraiser(String slug, String editToken) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/fundraisers/{slug}/close").build(slug),
                        null,
                        Map.of(),
                        Map.of("Fundraiser-Edit-Token", editToken))
                .map(reply -> read(reply, new TypeReference<Fundraiser>() {}));
    }

    public Mono<Void> hideFundraiser(String token, String slug) {
        return send(
                        NOTIFICATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/fundraisers/{slug}/hide").build(slug),
                        token,
                        Map.of())
                .doOnNext(PlatformClient::failIfRefused)
                .then();
    }

    public Mono<List<String>> webhookEventTypes(String token) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/webhooks/event-types").build(),
                        token)
                .map(reply -> read(reply, new TypeReference<List<String>>() {}));
    }

    public Mono<List<Webhook>> webhooks(String token) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/webhooks").build(),
                        token)
                .map(reply -> read(reply, new TypeReference<List<Webhook>>() {}));
    }

    public Mono<Webhook> registerWebhook(String token, String url, List<String> eventTypes) {
        return send(
                        NOTIFICATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/webhooks").build(),
                        token,
                        Map.of("url", url, "eventTypes", eventTypes))
                .map(reply -> read(reply, new TypeReference<Webhook>() {}));
    }

    public Mono<List<WebhookDelivery>> webhookDeliveries(String token, String webhookId) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.GET,
                        u -> u.path("/api/webhooks/{id}/deliveries").build(webhookId),
                        token)
                .map(reply -> read(reply, new TypeReference<List<WebhookDelivery>>() {}));
    }

    public Mono<Void> pingWebhook(String token, String webhookId) {
        return send(
                        NOTIFICATION_SERVICE,
                        HttpMethod.POST,
                        u -> u.path("/api/webhooks/{id}/ping").build(webhookId),
                        token,
                        Map.of())
                .doOnNext(PlatformClient::failIfRefused)
                .then();
    }

    public Mono<Void> deleteWebhook(String token, String webhookId) {
        return call(
                        NOTIFICATION_SERVICE,
                        HttpMethod.DELETE,
                        u -> u.path("/api/webhooks/{id}").build(webhookId),
                        token)
                .doOnNext(PlatformClient::failIfRefused)
                .then();
    }

    // the calls themselves

    private Mono<ResponseEntity<byte[]>> call(String service, HttpMethod method, Function<UriBuilder, URI> uri) {
        return call(service, method, uri, null);
    }

    private Mono<ResponseEntity<byte[]>> call(
            String service, HttpMethod method, Function<UriBuilder, URI> uri, @Nullable String token) {
        return call(service, method, uri, token, null, Map.of());
    }

    private Mono<ResponseEntity<byte[]>> send(
            String service, HttpMethod method, Function<UriBuilder, URI> uri, @Nullable String token, Object body) {
        return call(service, method, uri, token, body, Map.of());
    }

    /**
     * One call through the service's circuit breaker. Only a failure of the service counts against the
     * breaker (no answer, 5xx); a refusal (4xx) is an answer, returned as such.
     */
    private Mono<ResponseEntity<byte[]>> call(
            String service,
            HttpMethod method,
            Function<UriBuilder, URI> uri,
            @Nullable String token,
            @Nullable Object body,
            Map<String, String> headers) {
        URI base = baseOf(service);
        WebClient.RequestBodySpec request = http.method(method)
                .uri(builder -> uri.apply(
                        builder.scheme(base.getScheme()).host(base.getHost()).port(base.getPort())))
                .headers(h -> {
                    h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
                    headers.forEach(h::set);
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                });
        WebClient.RequestHeadersSpec<?> ready = body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        Mono<ResponseEntity<byte[]>> answer = ready.exchangeToMono(response -> response.statusCode()
                        .is5xxServerError()
                ? response.releaseBody()
                        .then(Mono.error(new IllegalStateException(service + " answered " + response.statusCode())))
                : response.toEntity(byte[].class));
        // Refused at connection: the call never reached that instance, so the next one may take it.
        Mono<ResponseEntity<byte[]>> onAnInstanceThatIsUp =
                answer.retryWhen(Retry.max(2).filter(PlatformClient::connectionRefused));
        return breakers.create(service)
                .run(onAnInstanceThatIsUp, failure -> Mono.error(new PlatformUnavailable(service, failure)));
    }

    /** The service by name: the load balancer picks one of its instances for each call. */
    private static URI baseOf(String service) {
        return URI.create("http://" + service);
    }

    private static boolean connectionRefused(Throwable failure) {
        return failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
    }

    private static <T> T read(ResponseEntity<byte[]> reply, TypeReference<T> type) {
        failIfRefused(reply);
        return JSON.readValue(reply.getBody(), type);
    }

    private static void failIfRefused(ResponseEntity<byte[]> reply) {
        if (!reply.getStatusCode().isError()) {
            return;
        }
        int status = reply.getStatusCode().value();
        JsonNode problem = reply.getBody() == null || reply.getBody().length == 0
                ? JSON.createObjectNode()
                : readProblem(reply.getBody());
        List<PlatformRefusal.FieldError> errors = new java.util.ArrayList<>();
        problem.path("errors")
                .forEach(error -> errors.add(new PlatformRefusal.FieldError(
                        error.path("field").asString(""), error.path("message").asString(""))));
        throw new PlatformRefusal(
                status,
                problem.path("title").asString("Refused"),
                problem.path("detail").asString(null),
                errors);
    }

    private static JsonNode readProblem(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }
}
