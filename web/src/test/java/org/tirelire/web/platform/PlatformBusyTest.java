package org.tirelire.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.tirelire.contracts.http.Shed;
import reactor.core.publisher.Mono;

/** A gift shed by a busy donation-service is not a failure: its breaker stays closed. Any other 503 is one. */
class PlatformBusyTest {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .build());
    private final PlatformCalls calls = new PlatformCalls(
            new ReactiveResilience4JCircuitBreakerFactory(
                    breakers, TimeLimiterRegistry.ofDefaults(), null, new Resilience4JConfigurationProperties()),
            PlatformClients.JSON);
    private final ClientRequest gift = ClientRequest.create(
                    HttpMethod.POST, URI.create("http://donation-service/api/donations"))
            .build();

    @Test
    void a_shed_gift_is_busy_with_the_wait_asked_and_many_of_them_leave_the_breaker_closed() {
        for (int shed = 0; shed < 30; shed++) {
            assertThatThrownBy(() -> calls.filter(
                                    gift,
                                    request -> Mono.just(ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE)
                                            .header("Retry-After", "1")
                                            .header(Shed.HEADER, Shed.VALUE)
                                            .build()))
                            .block(Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(
                            PlatformBusy.class,
                            busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        }

        assertThat(breakers.circuitBreaker("donation-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void any_other_503_is_a_failure_of_the_service_and_many_open_its_breaker() {
        for (int failed = 0; failed < 30; failed++) {
            assertThatThrownBy(() -> calls.filter(
                                    gift,
                                    request -> Mono.just(ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE)
                                            .header("Retry-After", "30") // a payment provider away
                                            .build()))
                            .block(Duration.ofSeconds(5)))
                    .isInstanceOf(PlatformUnavailable.class);
        }

        assertThat(breakers.circuitBreaker("donation-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
