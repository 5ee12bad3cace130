package org.tirelire.gateway.shedding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.tirelire.contracts.http.Shed;
import org.tirelire.gateway.edge.EdgeFilterOrder;
import org.tirelire.gateway.edge.EdgeProblem;
import org.tirelire.gateway.routing.ServiceProperties;
import reactor.core.publisher.Mono;

/**
 * Sheds the API's new gifts at the door while donation-service sheds them (ADR 39, 43). donation-service
 * decides: while its confirmations run late, every answer to a new gift carries the gifts per second that
 * instance admits ({@link Shed#LIMIT_HEADER}). While every instance says one, this filter lets their sum
 * through and answers the other gifts itself, with the very answer a shed gift gets from the service
 * ({@code 503}, {@code Retry-After}, {@link Shed#HEADER}, {@link Shed#PROBLEM}), before the body is copied,
 * routed and carried to Tomcat on cores that are already full.
 *
 * <p>It follows the service, never leads: an instance's answer without the header says it sheds nothing, and
 * the door opens; a limit not said again for {@link #LIMIT_EXPIRES_AFTER} goes. Only answers the service
 * gave count: the gateway's own (a 413, a timeout, an open breaker) say nothing of its limit. The header is
 * taken off every answer, a word between the platform's parts. The giving pages' gifts reach donation-service
 * from the web module directly, and are shed there.
 */
@Component
public class GiftSheddingFilter implements WebFilter, Ordered {

    /** A limit an instance has not said again for this long is no longer its word (it is down, or restarted). */
    static final Duration LIMIT_EXPIRES_AFTER = Duration.ofSeconds(5);

    private final int donationInstances;
    private final LongSupplier nanoTime;
    private final Counter shed;

    private final Object lock = new Object();

    /** What each instance said last, by its address. Guarded by {@link #lock}. */
    private final Map<String, SaidLimit> saidByInstance = new HashMap<>();

    private boolean shedding;
    private double permits;
    private long refilledAtNanos;

    private record SaidLimit(double giftsPerSecond, long saidAtNanos) {}

    @Autowired
    GiftSheddingFilter(ServiceProperties services, MeterRegistry meters) {
        this(services.donationUri().size(), meters, System::nanoTime);
    }

    /** @param nanoTime the monotonic time of the permits and of the limits' age ({@link System#nanoTime()}) */
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
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            String said = headers.getFirst(Shed.LIMIT_HEADER);
            headers.remove(Shed.LIMIT_HEADER);
            URI instance = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            boolean theServiceAnswered = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null;
            if (theServiceAnswered && instance != null) {
                instanceSaid(instance.getAuthority(), said);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** Gifts per second let through; empty while some instance sheds nothing. */
    OptionalDouble limit() {
        synchronized (lock) {
            double limit = limitNow(nanoTime.getAsLong());
            return limit == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(limit);
        }
    }

    boolean admit() {
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            double limit = limitNow(now);
            if (limit == Double.POSITIVE_INFINITY) {
                shedding = false;
                return true;
            }
            startShedding(now);
            // Half a second of gifts at the limit may come at once, as in donation-service.
            permits = Math.min(Math.max(1, limit / 2), permits + (now - refilledAtNanos) / 1e9 * limit);
            refilledAtNanos = now;
            if (permits >= 1) {
                permits -= 1;
                return true;
            }
            return false;
        }
    }

    /** What an instance's answer said of its limit: gifts per second, or nothing (it sheds nothing). */
    void instanceSaid(String instance, @Nullable String limitHeader) {
        OptionalDouble said = Shed.limitFrom(limitHeader);
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            if (said.isPresent()) {
                saidByInstance.put(instance, new SaidLimit(said.getAsDouble(), now));
            } else {
                saidByInstance.remove(instance);
            }
            if (limitNow(now) != Double.POSITIVE_INFINITY) {
                startShedding(now);
            }
        }
    }

    /** The service has just begun to shed: no burst is let through on top of what it took. Under {@link #lock}. */
    private void startShedding(long now) {
        if (!shedding) {
            shedding = true;
            permits = 0;
            refilledAtNanos = now;
        }
    }

    /** The sum of the instances' limits while each of them sheds; infinite otherwise. Under {@link #lock}. */
    private double limitNow(long now) {
        saidByInstance.values().removeIf(said -> now - said.saidAtNanos() > LIMIT_EXPIRES_AFTER.toNanos());
        if (saidByInstance.size() < donationInstances) {
            return Double.POSITIVE_INFINITY; // an instance with room takes what comes; it sheds for itself
        }
        return saidByInstance.values().stream()
                .mapToDouble(SaidLimit::giftsPerSecond)
                .sum();
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

    /**
     * Right after the rate limit per address (one client's flood is its own 429), both after the security
     * chain, so that the answer carries the security headers and, for an allowed origin, CORS's; before the
     * body is copied and routed.
     */
    @Override
    public int getOrder() {
        return EdgeFilterOrder.GIFT_SHEDDING;
    }
}
