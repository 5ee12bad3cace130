package org.tirelire.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
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
    void every_attempt_sends_the_body_received_even_once_the_received_buffer_is_freed_and_holds_another_gift() {
        NettyDataBuffer received = pooled(FIRST_GIFT);
        // Spring Cloud Gateway keeps the received buffer for retries: one more reference, dropped at the end.
        received.getNativeBuffer().retain();
        ServerHttpRequest routed = routedThroughTheFilter(received);

        // The exchange ends (a timeout, say) while an attempt is still to be sent: the kept buffer is released
        // in full, and its memory goes back to the pool, which gives it to the next gift.
        while (!received.getNativeBuffer().release()) {
            // down to zero
        }
        ByteBuf next = pool.heapBuffer(NEXT_GIFT.length()).writeBytes(NEXT_GIFT.getBytes(StandardCharsets.UTF_8));

        assertThat(bodyOf(routed)).as("the attempt sent after the release").isEqualTo(FIRST_GIFT);
        assertThat(bodyOf(routed)).as("a retry after it").isEqualTo(FIRST_GIFT);
        next.release();
    }

    @Test
    void a_body_larger_than_the_api_takes_without_a_declared_length_is_refused_with_413_and_not_routed() {
        String large = "x".repeat((int) ApiRoutes.MAX_BODY.toBytes() + 1);
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/campaigns")
                .header("Transfer-Encoding", "chunked")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just(pooled(large)));
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        AtomicReference<ServerHttpRequest> routed = new AtomicReference<>();

        new OwnCopyOfRequestBody()
                .filter(exchange, reached -> {
                    routed.set(reached.getRequest());
                    return Mono.empty();
                })
                .block();

        assertThat(routed.get()).isNull();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":413");
    }

    @Test
    void a_read_is_routed_as_it_came() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/campaigns").build());
        AtomicReference<ServerHttpRequest> routed = new AtomicReference<>();

        new OwnCopyOfRequestBody()
                .filter(exchange, reached -> {
                    routed.set(reached.getRequest());
                    return Mono.empty();
                })
                .block();

        assertThat(routed.get()).isSameAs(exchange.getRequest());
    }

    private ServerHttpRequest routedThroughTheFilter(DataBuffer received) {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/donations")
                .header("Idempotency-Key", "186ea421-d4ec-4424-bc9c-1987445eebb0")
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(received.readableByteCount())
                .body(Flux.just(received));
        AtomicReference<ServerHttpRequest> routed = new AtomicReference<>();
        new OwnCopyOfRequestBody()
                .filter(MockServerWebExchange.from(request), reached -> {
                    routed.set(reached.getRequest());
                    return Mono.empty();
                })
                .block();
        return routed.get();
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
