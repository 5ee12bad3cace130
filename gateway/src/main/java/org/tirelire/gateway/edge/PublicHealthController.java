package org.tirelire.gateway.edge;

import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The gateway's health on its public port, as load balancers and the platform's contract expect it
 * ({@code GET /actuator/health}, and the readiness and liveness groups), while every other actuator
 * endpoint lives on the management port, on loopback. The status only: the components' details stay on
 * the management port.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealthController {

    private final ReactiveHealthEndpointWebExtension health;

    PublicHealthController(ReactiveHealthEndpointWebExtension health) {
        this.health = health;
    }

    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, String>>> overall() {
        return statusOf();
    }

    @GetMapping(path = "/actuator/health/{group}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, String>>> group(@PathVariable String group) {
        return statusOf(group);
    }

    private Mono<ResponseEntity<Map<String, String>>> statusOf(String... path) {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, path)
                .map(answer -> ResponseEntity.status(answer.getStatus())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of(
                                "status",
                                answer.getBody() == null
                                        ? "UNKNOWN"
                                        : answer.getBody().getStatus().getCode())));
    }
}
