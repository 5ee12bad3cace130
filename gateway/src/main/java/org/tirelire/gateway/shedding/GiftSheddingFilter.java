package org.tirelire.gateway.shedding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.tirelire.contracts.http.Shed;
import org.tirelire.gateway.edge.EdgeProblem;
import org.tirelire.gateway.routing.ServiceProperties;
import reactor.core.publisher.Mono;

/**
 * Sheds the API's new gifts at the door while donation-service sheds them (ADR 39, 43). donation-service
 * decides: while its confirmations run late, every answer to a new gift carries the gifts per second it
 * admits ({@link Shed#LIMIT_HEADER}). This filter lets that many through for each of its instances and
 * answers the others itself, the same {@code 503} a shed gift gets from the service, before the body is
 * copied, routed and carried to Tomcat on cores that are already full. An answer without the header lifts
 * the limit here too, and a limit not heard again for {@link #LIMIT_KEPT} goes: only the service's word
 * keeps it.
 *
 * <p>The header is taken off every answer: it is a word between the platform's parts. The giving pages'
 * gifts reach donation-service from the web module directly, and are shed there.
 */
@Component
public class GiftSheddingFilter implements WebFilter, Ordered {

    /** A limit not heard again for this long is no longer the service's word (it is down, or restarted). */
    static final Duration LIMIT_KEPT = Duration.ofSeconds(5);

    private final int donationInstances;
    private final LongSupplier nanoTime;
    private final Counter shed;

    private final Object lock = new Object();
    /** Gifts per second let through; infinite while the service sheds nothing. Guarded by {@link #lock}. */
    private double limit = Double.POSITIVE_INFINITY;

    private long heardAtNanos;
    private double permits;
    private long refilledAtNanos;

    @Autowired
    GiftSheddingFilter(ServiceProperties services, MeterRegistry meters) {
        this(services.donationUri().size(), meters, System::nanoTime);
    }

    /** @param nanoTime the monotonic time of the permits and of the limit's age ({@link System#nanoTime()}) */
    GiftSheddingFilter(int donationInstances, MeterRegistry meters, LongSupplier nanoTime) {
        this.donationInstances = Math.max(1, donationInstances);
        this.nanoTime = nanoTime;
        this.shed = Counter.builder("tirelire.gateway.gifts.shed")
                .description("API gifts answered 503 at the gateway while donation-service shed gifts")
                .register(meters);
        Gauge.builder(
                        "tirelire.gateway.gifts.limit",
                        this,
                        filter -> filter.limit().orElse(-1))
                .description("API gifts per second let through while donation-service sheds; -1 when none is shed")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isNewGift(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!admit()) {
            shed.increment();
            return shedAnswer(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            heard(
                    response.getStatusCode() == null
                            ? 0
                            : response.getStatusCode().value(),
                    response.getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** Gifts per second let through; empty while the service sheds nothing. */
    OptionalDouble limit() {
        synchronized (lock) {
            return limit == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(limit);
        }
    }

    boolean admit() {
        synchronized (lock) {
            if (limit == Double.POSITIVE_INFINITY) {
                return true;
            }
            long now = nanoTime.getAsLong();
            if (now - heardAtNanos > LIMIT_KEPT.toNanos()) {
                limit = Double.POSITIVE_INFINITY;
                return true;
            }
            permits = Math.min(burst(), permits + (now - refilledAtNanos) / 1e9 * limit);
            refilledAtNanos = now;
            if (permits >= 1) {
                permits -= 1;
                return true;
            }
            return false;
        }
    }

    /**
     * What an answer to a gift let through says of the service's limit, taken off the answer. A 5xx without it
     * may be this gateway's own (a timeout, an open breaker), which says nothing of the limit.
     */
    void heard(int status, HttpHeaders headers) {
        double heardLimit = parse(headers.getFirst(Shed.LIMIT_HEADER));
        headers.remove(Shed.LIMIT_HEADER);
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (heardLimit > 0) {
                if (limit == Double.POSITIVE_INFINITY) {
                    permits = 0; // the service has just begun to shed: no burst let through on top of it
                    refilledAtNanos = now;
                }
                limit = heardLimit * donationInstances;
                heardAtNanos = now;
            } else if (status > 0 && status < 500) {
                limit = Double.POSITIVE_INFINITY;
            }
        }
    }

    /** Half a second of gifts at the limit may come at once, as in donation-service. */
    private double burst() {
        return Math.max(1, limit / 2);
    }

    private static double parse(@Nullable String value) {
        if (value == null) {
            return -1;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            return Double.isFinite(parsed) ? parsed : -1;
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static boolean isNewGift(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.POST
                && "/api/donations"
                        .equals(request.getPath().pathWithinApplication().value());
    }

    private static Mono<Void> shedAnswer(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Shed.RETRY_AFTER_SECONDS);
        headers.set(Shed.HEADER, Shed.VALUE);
        return EdgeProblem.afterTheBody(
                exchange, () -> EdgeProblem.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Shed.PROBLEM));
    }

    /** After the rate limit per address (one client's flood is its own 429), before the body is copied. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }
}
