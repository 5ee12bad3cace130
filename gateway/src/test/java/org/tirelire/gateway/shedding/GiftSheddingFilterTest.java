package org.tirelire.gateway.shedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.tirelire.contracts.http.Shed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GiftSheddingFilterTest {

    private static final URI FIRST_INSTANCE = URI.create("http://10.0.0.1:8082/api/donations");
    private static final URI SECOND_INSTANCE = URI.create("http://10.0.0.2:8082/api/donations");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GiftSheddingFilter filter = new GiftSheddingFilter(1, meters, nanos::get);

    /** Gifts that reached the service. */
    private final AtomicInteger reachedTheService = new AtomicInteger();

    /** The limit the service says on its answers while it sheds; null while it sheds nothing. */
    private @Nullable String serviceLimit;

    private final WebFilterChain service = routedTo(FIRST_INSTANCE);

    @Test
    void while_the_service_sheds_only_its_limit_crosses_the_door_and_the_rest_is_answered_like_its_own_shed_gifts() {
        serviceLimit = "20.0";
        MockServerWebExchange first = gift();
        filter.filter(first, service).block();
        assertThat(first.getResponse().getHeaders().getFirst(Shed.LIMIT_HEADER))
                .as("a word between the platform's parts, not for the donor")
                .isNull();

        // One second at 20 gifts a second let through, of 100 offered.
        int shed = 0;
        for (int gift = 0; gift < 100; gift++) {
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
            MockServerWebExchange exchange = gift();
            filter.filter(exchange, service).block();
            if (exchange.getResponse().getStatusCode().value() == 503) {
                shed++;
                assertShedAsTheServiceWould(exchange);
            }
        }

        assertThat(reachedTheService.get() - 1).isBetween(19, 21);
        assertThat(shed).isEqualTo(100 - (reachedTheService.get() - 1));
        assertThat(meters.get("tirelire.gateway.gifts.shed").counter().count()).isEqualTo(shed);
        assertThat(meters.get("tirelire.gateway.gifts.limit").gauge().value()).isEqualTo(20.0);
    }

    @Test
    void an_answer_without_the_limit_lifts_it_at_the_door_too() {
        serviceLimit = "5.0";
        filter.filter(gift(), service).block();
        serviceLimit = null;
        nanos.addAndGet(Duration.ofMillis(200).toNanos()); // one permit
        filter.filter(gift(), service).block();

        for (int gift = 0; gift < 50; gift++) {
            MockServerWebExchange exchange = gift();
            filter.filter(exchange, service).block();
            assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(201);
        }
        assertThat(filter.limit()).isEmpty();
    }

    @Test
    void a_limit_the_service_stops_saying_goes_after_a_few_seconds() {
        serviceLimit = "1.0";
        filter.filter(gift(), service).block();
        MockServerWebExchange soonAfter = gift();
        filter.filter(soonAfter, service).block();
        assertThat(soonAfter.getResponse().getStatusCode().value()).isEqualTo(503);

        // The service no longer answers (this gateway times out): nothing renews its limit.
        nanos.addAndGet(GiftSheddingFilter.LIMIT_EXPIRES_AFTER.plusMillis(1).toNanos());
        assertThat(meters.get("tirelire.gateway.gifts.limit").gauge().value()).isEqualTo(-1.0);
        int before = reachedTheService.get();
        for (int gift = 0; gift < 10; gift++) {
            filter.filter(gift(), answeredByTheGateway(HttpStatus.GATEWAY_TIMEOUT))
                    .block();
        }

        assertThat(reachedTheService.get() - before)
                .as("all ten at once, where a limit of one a second would let one through")
                .isEqualTo(10);
    }

    @Test
    void the_gateways_own_answers_say_nothing_of_the_limit() {
        serviceLimit = "2.0";
        filter.filter(gift(), service).block();

        for (HttpStatus own : new HttpStatus[] {HttpStatus.CONTENT_TOO_LARGE, HttpStatus.GATEWAY_TIMEOUT}) {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos()); // a permit for this gift
            filter.filter(gift(), answeredByTheGateway(own)).block();
            assertThat(filter.limit()).as(own.toString()).hasValue(2.0);
        }
    }

    @Test
    void with_several_instances_the_door_sheds_only_while_each_sheds_and_lets_their_sum_through() {
        GiftSheddingFilter twoInstances = new GiftSheddingFilter(2, new SimpleMeterRegistry(), nanos::get);
        serviceLimit = "10.0";

        twoInstances.filter(gift(), routedTo(FIRST_INSTANCE)).block();
        assertThat(twoInstances.limit()).as("the second instance has room").isEmpty();

        twoInstances.filter(gift(), routedTo(SECOND_INSTANCE)).block();
        assertThat(twoInstances.limit()).hasValue(20.0);

        serviceLimit = null;
        nanos.addAndGet(Duration.ofSeconds(1).toNanos()); // a permit for the next gift
        twoInstances.filter(gift(), routedTo(SECOND_INSTANCE)).block();
        assertThat(twoInstances.limit()).as("the second instance sheds no more").isEmpty();
    }

    @Test
    void reads_and_other_writes_are_never_shed() {
        serviceLimit = "1.0";
        filter.filter(gift(), service).block();
        for (MockServerHttpRequest request : new MockServerHttpRequest[] {
            MockServerHttpRequest.get("/api/donations/d-1").build(),
            MockServerHttpRequest.post("/api/donations/d-1/refund").build(),
            MockServerHttpRequest.post("/campaigns/gala/give").build()
        }) {
            MockServerWebExchange exchange = MockServerWebExchange.from(request);
            filter.filter(exchange, service).block();
            assertThat(exchange.getResponse().getStatusCode().value())
                    .as(request.getPath().value())
                    .isEqualTo(201);
        }
    }

    @Test
    void a_limit_that_is_not_a_positive_number_is_no_limit() {
        for (String garbage : new String[] {"", "beaucoup", "NaN", "Infinity", "-3", "0"}) {
            serviceLimit = "1.0";
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            filter.filter(gift(), service).block();
            assertThat(filter.limit()).hasValue(1.0);

            serviceLimit = garbage;
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            filter.filter(gift(), service).block();

            assertThat(filter.limit()).as(garbage).isEmpty();
        }
    }

    /** donation-service's instance at {@code instance}, answering 201 with its limit while it sheds. */
    private WebFilterChain routedTo(URI instance) {
        return exchange -> {
            reachedTheService.incrementAndGet();
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, instance);
            exchange.getAttributes().put(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR, "the service's answer");
            exchange.getResponse().setStatusCode(HttpStatus.CREATED);
            if (serviceLimit != null) {
                exchange.getResponse().getHeaders().set(Shed.LIMIT_HEADER, serviceLimit);
            }
            return exchange.getResponse().setComplete();
        };
    }

    /** The gateway answering by itself, after the gift went its way: no answer of the service came. */
    private WebFilterChain answeredByTheGateway(HttpStatus status) {
        return exchange -> {
            reachedTheService.incrementAndGet();
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, FIRST_INSTANCE);
            exchange.getResponse().setStatusCode(status);
            return exchange.getResponse().setComplete();
        };
    }

    private static MockServerWebExchange gift() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/donations")
                .header("Idempotency-Key", "k")
                .body("{\"campaignId\":\"c1\",\"amount\":{\"amount\":1000,\"currency\":\"EUR\"}}"));
    }

    private static void assertShedAsTheServiceWould(MockServerWebExchange exchange) {
        var response = exchange.getResponse();
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo(Shed.RETRY_AFTER_SECONDS);
        assertThat(Shed.is(503, response.getHeaders().getFirst(Shed.HEADER))).isTrue();
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem =
                JsonMapper.builder().build().readTree(response.getBodyAsString().block());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("busy").asBoolean()).isTrue();
        assertThat(problem.get("title").asString()).isEqualTo("Many people are giving right now");
    }
}
