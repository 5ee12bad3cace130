package org.tirelire.gateway.routing;

import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.tirelire.gateway.edge.EdgeProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Copies a routed request's body into bytes of the gateway's own, and gives every attempt to send it a
 * fresh buffer over them; a body larger than the API takes is refused here with a 413 problem.
 *
 * <p>Without it, Spring Cloud Gateway keeps the body, for retries, in the pooled buffer it was received
 * in, and releases it in full when the exchange ends, also when it ends by a timeout while an attempt is
 * still on its way; the pool then hands that memory to the next request's body, which the late attempt
 * sends under its own headers. Under load, a gift was recorded with another donor's amount and name under
 * the first donor's Idempotency-Key (docs/performance.md, finding 12). Running just before that cache,
 * this filter makes it keep our copy, which it does not release and the pool cannot reuse: a late attempt
 * sends its own body or nothing.
 */
@Component
class OwnCopyOfRequestBody implements GlobalFilter, Ordered {

    /** Just before Spring Cloud Gateway's body cache ({@code AdaptCachedBodyGlobalFilter}), so that it keeps our copy. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 999;

    /** The receipt settings, whose body may be larger: it carries the signature's image. */
    private static final PathPattern RECEIPT_SETTINGS =
            PathPatternParser.defaultInstance.parse("/api/organisations/me/receipts");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        boolean hasBody = headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            return chain.filter(exchange);
        }
        int limit = (int) limitFor(request).toBytes();
        if (headers.getContentLength() > limit) {
            return payloadTooLarge(exchange, limit); // not read: it says so itself
        }
        return DataBufferUtils.join(request.getBody(), limit)
                .map(OwnCopyOfRequestBody::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent()
                        ? chain.filter(exchange.mutate()
                                .request(withBody(request, body.get()))
                                .build())
                        : payloadTooLarge(exchange, limit));
    }

    /** How large this request's body may be. */
    static DataSize limitFor(ServerHttpRequest request) {
        return RECEIPT_SETTINGS.matches(request.getPath().pathWithinApplication())
                ? ApiRoutes.MAX_RECEIPT_SETTINGS_BODY
                : ApiRoutes.MAX_BODY;
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

    private static Mono<Void> payloadTooLarge(ServerWebExchange exchange, int limit) {
        return EdgeProblem.write(
                exchange,
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Request too large",
                "The request's body is larger than the %d KB the API takes.".formatted(limit / 1024));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
