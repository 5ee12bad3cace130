package org.tirelire.gateway.edge;

import java.net.InetSocketAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Matches the requests that came in on the actuator's own port (loopback, or inside the compose
 * network), where its figures for Prometheus may be read; on the public port they are refused.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent>, ServerWebExchangeMatcher {

    /** 0 until the management server listens, and when the actuator shares the public port. */
    private volatile int port;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return port != 0 && local != null && local.getPort() == port ? MatchResult.match() : MatchResult.notMatch();
    }
}
