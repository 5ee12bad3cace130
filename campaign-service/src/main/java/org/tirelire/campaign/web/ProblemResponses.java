package org.tirelire.campaign.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tirelire.campaign.campaign.CampaignDeadlinePassed;
import org.tirelire.campaign.campaign.CampaignNotFound;
import org.tirelire.campaign.campaign.CampaignNotOwned;
import org.tirelire.campaign.campaign.CurrencyMismatch;
import org.tirelire.campaign.campaign.IllegalCampaignTransition;

/** Every error leaves as RFC 9457 problem JSON with a title and a detail; never a stack trace. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(CampaignNotFound.class)
    ProblemDetail notFound(CampaignNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Campaign not found", e.getMessage());
    }

    @ExceptionHandler(CampaignNotOwned.class)
    ProblemDetail notOwned(CampaignNotOwned e) {
        return problem(HttpStatus.FORBIDDEN, "Not your organisation's campaign", e.getMessage());
    }

    @ExceptionHandler({IllegalCampaignTransition.class, CampaignDeadlinePassed.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Not possible in the campaign's current state", e.getMessage());
    }

    @ExceptionHandler(CurrencyMismatch.class)
    ProblemDetail currencyMismatch(CurrencyMismatch e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid campaign", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST, "Invalid parameter", "'" + e.getValue() + "' is not a valid " + e.getName());
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "invalid value")));
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid.");
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .map(error -> Map.of(
                                "field", error.getField(),
                                "message", String.valueOf(error.getDefaultMessage())))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Unreadable request body",
                "The body is not valid JSON for this request (unknown field, wrong type or fractional amount).");
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
