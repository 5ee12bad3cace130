package org.tirelire.gateway.docs;

import static org.tirelire.gateway.routing.ServiceProperties.CAMPAIGN_SERVICE;
import static org.tirelire.gateway.routing.ServiceProperties.DONATION_SERVICE;
import static org.tirelire.gateway.routing.ServiceProperties.NOTIFICATION_SERVICE;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.tirelire.gateway.ratelimit.RateLimitFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The joined API description, asked of this process (identity, these documents) and of one instance of each service
 * when first needed, then kept for a few minutes: the parts change only when a process is upgraded. A
 * part that cannot be had makes the whole unavailable rather than silently shorter.
 */
@Component
class ApiDocument {

    private static final Logger log = LoggerFactory.getLogger(ApiDocument.class);

    static final String THIS_PROCESS = "gateway";
    private static final String PART_PATH = "/v3/api-docs";
    private static final Duration KEPT_FOR = Duration.ofMinutes(5);
    /**
     * A service builds its description on the first request, by reflection over its handlers: seconds of CPU,
     * and more than ten on a busy two-core machine. A failure is not kept: the next request tries again.
     */
    private static final Duration PART_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<String> SERVICES = Set.of(CAMPAIGN_SERVICE, DONATION_SERVICE, NOTIFICATION_SERVICE);

    private final WebClient services;
    private final WebClient thisProcess;
    private final Environment environment;
    private final String version;
    private final Mono<ObjectNode> joined;

    ApiDocument(
            ReactorLoadBalancerExchangeFilterFunction loadBalancer,
            Environment environment,
            ObjectProvider<BuildProperties> build) {
        this.thisProcess = WebClient.builder()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
        this.services = thisProcess.mutate().filter(loadBalancer).build();
        this.environment = environment;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
        this.joined = fetchAndJoin().cache(document -> KEPT_FOR, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<ObjectNode> current() {
        return joined;
    }

    private Mono<ObjectNode> fetchAndJoin() {
        // This process (identity, these docs) first, then the services in the order the routes list them: stable,
        // readable output.
        List<String> order = List.of(THIS_PROCESS, CAMPAIGN_SERVICE, DONATION_SERVICE, NOTIFICATION_SERVICE);
        return Flux.fromIterable(order)
                .flatMapSequential(part -> fetch(part).map(document -> Map.entry(part, document)))
                .collectList()
                .map(parts -> {
                    Map<String, JsonNode> byPart = new LinkedHashMap<>();
                    parts.forEach(part -> byPart.put(part.getKey(), part.getValue()));
                    return JoinedApiDocument.join(byPart, SERVICES, RateLimitFilter::limitsWritesTo, version);
                })
                .doOnError(failure -> log.warn("The API description could not be joined: {}", failure.toString()));
    }

    private Mono<JsonNode> fetch(String part) {
        WebClient client = part.equals(THIS_PROCESS) ? thisProcess : services;
        String base = part.equals(THIS_PROCESS)
                ? "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")
                : "http://" + part;
        return client.get()
                .uri(base + PART_PATH)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(PART_TIMEOUT);
    }
}
