package org.tirelire.gateway.routing;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where an open circuit breaker or a timed-out call ends: a 503 problem that says which part of the
 * platform is unavailable, with a hint to retry, instead of a stack trace or a hanging request.
 */
@RestController
class UnavailableServiceController {

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

    private static String describe(String service) {
        return switch (service) {
            case "campaign-service" -> "The campaigns part of the platform";
            case "donation-service" -> "The donations part of the platform";
            case "notification-service" -> "The collection pages and notifications part of the platform";
            default -> "A part of the platform";
        };
    }
}
