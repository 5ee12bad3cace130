package org.tirelire.web.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages' way to the services: the same public API an outside client uses, called directly on the
 * services (the pages are part of the front door), one declarative client per API. Each client names
 * its service by the name the load balancer knows; {@link PlatformCalls} gives every call the same
 * breaker, retry and error policy.
 */
@Configuration(proxyBeanMethods = false)
class PlatformClients {

    static final String CAMPAIGN_SERVICE = "campaign-service";
    static final String DONATION_SERVICE = "donation-service";
    static final String NOTIFICATION_SERVICE = "notification-service";

    /** Services may add fields: the pages read what they know and ignore the rest, and send no nulls. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** A page waits less than an API client would: a donor on a phone does not wait 15 s for a page. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(8);

    private final WebClient.Builder services;

    PlatformClients(
            ReactorLoadBalancerExchangeFilterFunction loadBalancer, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        HttpClient connections = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(READ_TIMEOUT);
        this.services = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(connections))
                .defaultHeaders(headers ->
                        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)))
                .codecs(codecs -> {
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(JSON));
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(JSON));
                    codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
                })
                // The policy first, then the load balancer: each retry may go to another instance.
                .filter(new PlatformCalls(breakers, JSON))
                .filter(loadBalancer);
    }

    @Bean
    CampaignApi campaignApi() {
        return client(CAMPAIGN_SERVICE, CampaignApi.class);
    }

    @Bean
    DonationApi donationApi() {
        return client(DONATION_SERVICE, DonationApi.class);
    }

    @Bean
    FundraiserApi fundraiserApi() {
        return client(NOTIFICATION_SERVICE, FundraiserApi.class);
    }

    @Bean
    WebhookApi webhookApi() {
        return client(NOTIFICATION_SERVICE, WebhookApi.class);
    }

    private <T> T client(String service, Class<T> api) {
        WebClient http = services.clone().baseUrl("http://" + service).build();
        return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(http))
                .build()
                .createClient(api);
    }
}
