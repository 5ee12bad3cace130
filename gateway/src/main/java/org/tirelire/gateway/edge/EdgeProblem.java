package org.tirelire.gateway.edge;

import java.nio.charset.StandardCharsets;
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
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] problem = """
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s"}""".formatted(title, status.value(), detail).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(problem.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(problem)));
    }
}
