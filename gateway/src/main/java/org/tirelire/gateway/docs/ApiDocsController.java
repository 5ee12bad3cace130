package org.tirelire.gateway.docs;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where tools and integrators look for the API: the OpenAPI 3.1 document, and a plain page that lists
 * it for a person (no script: it is read like any other page of the site).
 */
@RestController
class ApiDocsController {

    private final ApiDocument document;

    ApiDocsController(ApiDocument document) {
        this.document = document;
    }

    @GetMapping(path = "/api/docs/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> openApi() {
        return document.current()
                .<ResponseEntity<Object>>map(json -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(json))
                .onErrorResume(failure -> Mono.just(unavailable()));
    }

    @GetMapping(path = "/api/docs", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> viewer() {
        return document.current()
                .map(json -> ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .body(ApiDocsPage.render(json)))
                .onErrorResume(failure -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.TEXT_PLAIN)
                        .header("Retry-After", "30")
                        .body("The API description is unavailable for a moment: please try again in a minute.")));
    }

    private static ResponseEntity<Object> unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "A part of the platform did not describe its API in time; please try again in a minute.");
        problem.setTitle("API description unavailable");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "30")
                .body(problem);
    }
}
