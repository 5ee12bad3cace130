package org.tirelire.kit.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details as every Tirelire service writes them. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** A problem about one field of the request, named in the {@code errors} list. */
    public static ProblemDetail invalidField(HttpStatus status, String title, String field, String message) {
        ProblemDetail problem = problem(status, title, message);
        problem.setProperty("errors", List.of(fieldError(field, message)));
        return problem;
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
