package org.tirelire.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * An RFC 9457 problem answered by a filter of the edge itself, before any controller could (a limit, a body
 * too large). Title and detail are the edge's own sentences, never a caller's input: they are not escaped.
 */
public final class EdgeProblem {

    private EdgeProblem() {}

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return write(exchange, status, """
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s"}""".formatted(title, status.value(), detail));
    }

    /** A problem document written as it is given (one with members of its own). */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String problemDocument) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] problem = problemDocument.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(problem.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(problem)));
    }

    /**
     * The answer, once the request's body has been read to its end and let go: answering a write before its
     * body is consumed makes some clients see a reset connection instead of the answer. Nothing is kept, so no
     * size limit applies; the filters that use it run before any body is copied.
     */
    public static Mono<Void> afterTheBody(ServerWebExchange exchange, Supplier<Mono<Void>> answer) {
        return exchange.getRequest()
                .getBody()
                .doOnNext(DataBufferUtils::release)
                .then(Mono.defer(answer));
    }
}
