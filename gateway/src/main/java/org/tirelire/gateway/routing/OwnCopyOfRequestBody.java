package org.tirelire.gateway.routing;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives every attempt to send a routed request's body a fresh buffer over bytes the gateway copied for
 * itself, instead of slices of the pooled buffer Spring Cloud Gateway keeps for retries.
 *
 * <p>That pooled buffer is released in full when the exchange ends, also when it ends by a timeout while
 * an attempt is still on its way; its memory then goes back to Netty's pool and holds the next request's
 * body, which the late attempt sends under its own headers. Under load, a gift was recorded with another
 * donor's amount and name under the first donor's Idempotency-Key (docs/performance.md, finding 12).
 * Bytes of our own cannot be reused by anyone: a late attempt sends its own body or nothing.
 */
@Component
class OwnCopyOfRequestBody implements GlobalFilter, Ordered {

    /** Just after Spring Cloud Gateway's own body caching, before any route filter (retries included). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1001;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!mayHaveBody(request)) {
            return chain.filter(exchange);
        }
        long declaredLength = request.getHeaders().getContentLength();
        if (declaredLength > ApiRoutes.MAX_BODY.toBytes()) {
            return chain.filter(exchange); // the route's size limit refuses it, without reading it
        }
        return DataBufferUtils.join(request.getBody(), (int) ApiRoutes.MAX_BODY.toBytes())
                .map(OwnCopyOfRequestBody::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(
                        exchange.mutate().request(withBody(request, body)).build()))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> payloadTooLarge(exchange));
    }

    private static boolean mayHaveBody(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        boolean writes = HttpMethod.POST.equals(method)
                || HttpMethod.PUT.equals(method)
                || HttpMethod.PATCH.equals(method)
                || HttpMethod.DELETE.equals(method);
        HttpHeaders headers = request.getHeaders();
        return writes && (headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING));
    }

    private static byte[] copyAndRelease(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    /** The request with a body read from {@code body}, through a new buffer at each subscription (each attempt). */
    static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> body.length == 0
                        ? Flux.empty()
                        : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private static Mono<Void> payloadTooLarge(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] problem = """
                {"type":"about:blank","title":"Request too large","status":413,\
                "detail":"The request's body is larger than the %d KB the API takes."}""".formatted(ApiRoutes.MAX_BODY.toKilobytes()).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(problem.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(problem)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
