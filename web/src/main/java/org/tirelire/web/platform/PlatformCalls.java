package org.tirelire.web.platform;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.tirelire.contracts.http.Shed;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one policy of every call the pages make to a service, whatever the API: it runs through the
 * service's circuit breaker (the same ones as the API routes), tries the next instance when one refused
 * the connection, and turns the answer into what the pages handle: a 4xx becomes a {@link
 * PlatformRefusal} carrying the problem's fields; no answer, a 5xx or an open breaker a {@link
 * PlatformUnavailable}; a gift shed by a busy donation-service (503 with {@link Shed#HEADER}) a {@link
 * PlatformBusy}. Only a failure of the service counts against its breaker, never a refusal or a shed call.
 *
 * <p>It sits before the load balancer, so the request's host is still the service's name.
 */
final class PlatformCalls implements ExchangeFilterFunction {

    /** As long as the gateway gives an API call (its routes' response timeout). */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final JsonMapper json;

    PlatformCalls(ReactiveCircuitBreakerFactory<?, ?> breakers, JsonMapper json) {
        this.breakers = breakers;
        this.json = json;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String service = request.url().getHost();
        Mono<ClientResponse> answered = next.exchange(withItsTimeout(request))
                .flatMap(response -> response.statusCode().is5xxServerError() && retryAfter(response) == null
                        ? response.releaseBody()
                                .then(Mono.error(
                                        new IllegalStateException(service + " answered " + response.statusCode())))
                        : Mono.just(response));
        // Refused at connection: the call never reached that instance, so the next one may take it.
        Mono<ClientResponse> onAnInstanceThatIsUp =
                answered.retryWhen(Retry.max(2).filter(PlatformCalls::connectionRefused));
        return breakers.create(service)
                .run(onAnInstanceThatIsUp, failure -> Mono.error(new PlatformUnavailable(service, failure)))
                .flatMap(response -> {
                    Duration comeBackIn = retryAfter(response);
                    if (comeBackIn != null) {
                        return response.releaseBody().then(Mono.error(new PlatformBusy(service, comeBackIn)));
                    }
                    return response.statusCode().isError() ? refusal(response) : Mono.just(response);
                });
    }

    /**
     * How long a busy donation-service asked to wait before the gift comes again (a 503 with {@link
     * Shed#HEADER} and {@code Retry-After} in seconds, at least one), or null: it shed the gift before doing
     * anything, which is no failure of the service. Any other 503 is one.
     */
    private static @Nullable Duration retryAfter(ClientResponse response) {
        HttpHeaders headers = response.headers().asHttpHeaders();
        if (!Shed.is(response.statusCode().value(), headers.getFirst(Shed.HEADER))) {
            return null;
        }
        String seconds = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (seconds == null || !seconds.strip().matches("\\d{1,4}")) {
            return Duration.ofSeconds(1);
        }
        return Duration.ofSeconds(Math.max(1, Long.parseLong(seconds.strip())));
    }

    /**
     * A page that reads waits {@link PlatformClients#READ_TIMEOUT}; a form that writes waits as long as an API
     * client would ({@link #WRITE_TIMEOUT}): a save given up on the page may still happen in the service,
     * and the person would not know whether it did. Saving a payment account, for one, asks the identity
     * service and the payment provider in turn.
     */
    private static ClientRequest withItsTimeout(ClientRequest request) {
        if (HttpMethod.GET.equals(request.method())) {
            return request;
        }
        return ClientRequest.from(request)
                .httpRequest(http -> {
                    if (http.getNativeRequest() instanceof HttpClientRequest reactorRequest) {
                        reactorRequest.responseTimeout(WRITE_TIMEOUT);
                    }
                })
                .build();
    }

    private Mono<ClientResponse> refusal(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> Mono.error(refusal(status, body)));
    }

    /** A problem document (RFC 9457) as a refusal; a body that is not one still gives the status. */
    PlatformRefusal refusal(int status, byte[] body) {
        JsonNode problem = problem(body);
        List<PlatformRefusal.FieldError> errors = new ArrayList<>();
        problem.path("errors")
                .forEach(error -> errors.add(new PlatformRefusal.FieldError(
                        error.path("field").asString(""), error.path("message").asString(""))));
        return new PlatformRefusal(
                status,
                problem.path("title").asString("Refused"),
                problem.path("detail").asString(null),
                errors);
    }

    private JsonNode problem(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    private static boolean connectionRefused(Throwable failure) {
        return failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
    }
}
