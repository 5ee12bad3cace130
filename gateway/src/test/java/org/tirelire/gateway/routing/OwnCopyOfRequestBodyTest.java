package org.tirelire.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.event.EnableBodyCachingEvent;
import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class OwnCopyOfRequestBodyTest {

    private static final String FIRST_GIFT =
            "{\"campaignId\":\"hot\",\"amount\":{\"amount\":4647,\"currency\":\"EUR\"},\"donor\":{\"email\":\"first@example.org\"}}";
    private static final String NEXT_GIFT =
            "{\"campaignId\":\"hot\",\"amount\":{\"amount\":4118,\"currency\":\"EUR\"},\"donor\":{\"email\":\"other@example.org\"}}";

    /** Netty's pool, as the gateway's server uses it: memory given back is handed to the next request. */
    private final PooledByteBufAllocator pool = new PooledByteBufAllocator(false);

    @Test
    void an_attempt_still_on_its_way_when_the_exchange_ends_sends_its_own_gift_not_the_next_one() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/donations")
                .header("Idempotency-Key", "186ea421-d4ec-4424-bc9c-1987445eebb0")
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(FIRST_GIFT.length())
                .body(Flux.just(pooled(FIRST_GIFT))));
        ServerHttpRequest routed = routedAsTheGatewayDoes(exchange);

        String firstAttempt = bodyOf(routed);
        // A retry takes its buffer, and the exchange ends (a timeout) before it is written: Spring Cloud Gateway
        // releases the body it kept for retries, and the pool gives that memory to the next gift.
        DataBuffer lateRetry = routed.getBody().blockFirst();
        ServerWebExchangeUtils.clearCachedRequestBody(exchange);
        ByteBuf nextGift = pool.heapBuffer(NEXT_GIFT.length()).writeBytes(NEXT_GIFT.getBytes(StandardCharsets.UTF_8));

        assertThat(firstAttempt).isEqualTo(FIRST_GIFT);
        assertThat(lateRetry.toString(StandardCharsets.UTF_8))
                .as("the late retry")
                .isEqualTo(FIRST_GIFT);
        nextGift.release();
    }

    @Test
    void it_runs_before_spring_cloud_gateway_keeps_the_body_and_before_any_route_filter() {
        assertThat(OwnCopyOfRequestBody.ORDER)
                .isLessThan(new AdaptCachedBodyGlobalFilter().getOrder())
                .isLessThan(0); // route filters from the Java DSL are ordered from 0
    }

    @Test
    void a_body_declared_larger_than_the_api_takes_is_refused_with_a_413_problem_unread() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(ApiRoutes.MAX_BODY.toBytes() + 1)
                .body(Flux.error(new AssertionError("the body was read"))));

        assertRefusedAsTooLarge(exchange);
    }

    @Test
    void a_body_that_turns_out_larger_than_the_api_takes_is_refused_with_a_413_problem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/campaigns")
                .header("Transfer-Encoding", "chunked")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just(pooled("x".repeat((int) ApiRoutes.MAX_BODY.toBytes() + 1)))));

        assertRefusedAsTooLarge(exchange);
    }

    @Test
    void the_receipt_settings_with_their_signature_image_may_be_larger() {
        String settings = "{\"signatureImage\":\"" + "A".repeat(300_000) + "\"}";
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.put("/api/organisations/me/receipts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .contentLength(settings.length())
                        .body(Flux.just(pooled(settings))));
        AtomicReference<ServerHttpRequest> routed = new AtomicReference<>();

        new OwnCopyOfRequestBody().filter(exchange, capture(routed)).block();

        assertThat(bodyOf(routed.get())).isEqualTo(settings);
    }

    @Test
    void a_request_without_a_body_is_routed_as_it_came() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/campaigns").build());
        AtomicReference<ServerHttpRequest> routed = new AtomicReference<>();

        new OwnCopyOfRequestBody().filter(exchange, capture(routed)).block();

        assertThat(routed.get()).isSameAs(exchange.getRequest());
    }

    private void assertRefusedAsTooLarge(MockServerWebExchange exchange) {
        AtomicReference<ServerHttpRequest> routed = new AtomicReference<>();

        new OwnCopyOfRequestBody().filter(exchange, capture(routed)).block();

        assertThat(routed.get()).as("routed").isNull();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":413", "64 KB");
    }

    /** This filter, then Spring Cloud Gateway's body cache for a route with retries, as ordered in the gateway. */
    private static ServerHttpRequest routedAsTheGatewayDoes(ServerWebExchange exchange) {
        AdaptCachedBodyGlobalFilter keptForRetries = new AdaptCachedBodyGlobalFilter();
        keptForRetries.onApplicationEvent(new EnableBodyCachingEvent(new Object(), "donation-service"));
        exchange.getAttributes()
                .put(
                        GATEWAY_ROUTE_ATTR,
                        Route.async()
                                .id("donation-service")
                                .uri("http://127.0.0.1:8082")
                                .predicate(any -> true)
                                .build());
        AtomicReference<ServerHttpRequest> routed = new AtomicReference<>();
        new OwnCopyOfRequestBody()
                .filter(exchange, copied -> keptForRetries.filter(copied, capture(routed)))
                .block();
        return routed.get();
    }

    private static GatewayFilterChain capture(AtomicReference<ServerHttpRequest> routed) {
        return reached -> {
            routed.set(reached.getRequest());
            return Mono.empty();
        };
    }

    private NettyDataBuffer pooled(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        NettyDataBuffer buffer = new NettyDataBufferFactory(pool).allocateBuffer(bytes.length);
        buffer.write(bytes);
        return buffer;
    }

    private static String bodyOf(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody())
                .map(joined -> {
                    String body = joined.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(joined);
                    return body;
                })
                .block();
    }
}
