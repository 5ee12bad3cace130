package org.tirelire.kit.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tirelire.kit.security.ActionNotAllowed;

/**
 * Errors every service answers the same way, as RFC 9457 problem JSON with a title, a detail and, for
 * invalid fields, an {@code errors} list; never a stack trace. Each service's own advice, ordered
 * before this one, maps its domain exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class GeneralProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GeneralProblemResponses.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return Problems.invalidField(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                e.getName(),
                "'" + e.getValue() + "' is not a valid value for " + e.getName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return Problems.invalidField(
                HttpStatus.BAD_REQUEST,
                "Missing header",
                e.getHeaderName(),
                "The " + e.getHeaderName() + " header is required.");
    }

    @ExceptionHandler(InvalidFields.class)
    ProblemDetail invalidFields(InvalidFields e) {
        ProblemDetail problem = Problems.problem(e.status(), e.title(), e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /** The problem names the roles that may take the action, so a member knows whom to ask. */
    @ExceptionHandler(ActionNotAllowed.class)
    ProblemDetail notAllowed(ActionNotAllowed e) {
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "Not allowed for your role", e.getMessage());
        problem.setProperty(
                "requiredRoles", e.capability().roles().stream().map(Enum::name).toList());
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid.");
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .map(error -> Problems.fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.BAD_REQUEST,
                "Unreadable request body",
                "The body is not valid JSON for this request: an unknown field, a wrong type, or a fractional amount"
                        + " where whole minor units (cents) are expected.");
        return ResponseEntity.badRequest().body(problem);
    }
}
