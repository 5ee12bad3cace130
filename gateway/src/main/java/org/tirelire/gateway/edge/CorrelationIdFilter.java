package org.tirelire.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.tirelire.contracts.events.Correlation;
import reactor.core.publisher.Mono;

/** Gives every request (routed or answered here) a correlation id the services log and carry into their events. */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String received = exchange.getRequest().getHeaders().getFirst(Correlation.HTTP_HEADER);
        String correlationId = received != null && SAFE_ID.matcher(received).matches()
                ? received
                : UUID.randomUUID().toString();
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(Correlation.HTTP_HEADER, correlationId)))
                .build();
        // Set just before the response leaves, replacing the copy a service may have sent back.
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(Correlation.HTTP_HEADER, correlationId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
