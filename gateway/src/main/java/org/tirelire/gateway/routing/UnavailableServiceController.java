package org.tirelire.gateway.routing;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where an open circuit breaker or a timed-out call ends: a 503 problem that says which part of the
 * platform is unavailable, with a hint to retry, instead of a stack trace or a hanging request.
 */
@RestController
class UnavailableServiceController {

    private final LastKnownProgress lastKnownProgress;
    private final Clock clock;

    UnavailableServiceController(LastKnownProgress lastKnownProgress, Clock clock) {
        this.lastKnownProgress = lastKnownProgress;
        this.clock = clock;
    }

    @RequestMapping("/unavailable/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                describe(service)
                        + " is unavailable at the moment. Nothing was changed; please try again in a minute.");
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "30")
                .body(problem);
    }

    /**
     * Progress while campaign-service is unreachable: the last answer this gateway passed on for the
     * campaign, with its {@code Age} in seconds and a {@code Cache-Status} (RFC 9211) saying it is a
     * stored copy; the 503 above when this gateway has none.
     */
    @RequestMapping("/unavailable/campaign-service/progress")
    ResponseEntity<?> lastKnownProgress(ServerWebExchange exchange) {
        String campaignId = exchange.getAttribute(LastKnownProgress.CAMPAIGN_ID_ATTRIBUTE);
        return Optional.ofNullable(campaignId)
                .flatMap(lastKnownProgress::of)
                .<ResponseEntity<?>>map(snapshot -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                "Age",
                                Long.toString(snapshot.age(clock.instant()).toSeconds()))
                        .header(
                                LastKnownProgress.CACHE_STATUS,
                                "tirelire-gateway; hit; detail=\"campaign-service unavailable\"")
                        .body(snapshot.body()))
                .orElseGet(() -> unavailable("campaign-service"));
    }

    private static String describe(String service) {
        return switch (service) {
            case "campaign-service" -> "The campaigns part of the platform";
            case "donation-service" -> "The donations part of the platform";
            case "notification-service" -> "The collection pages and notifications part of the platform";
            default -> "A part of the platform";
        };
    }
}
