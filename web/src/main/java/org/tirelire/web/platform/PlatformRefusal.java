package org.tirelire.web.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service refused a request (a 4xx problem): the pages show the problem's detail, next to the field
 * it names where there is one. Nothing was changed.
 */
public class PlatformRefusal extends RuntimeException {

    public record FieldError(String field, String message) {}

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public PlatformRefusal(int status, String title, @Nullable String detail, List<FieldError> errors) {
        super(detail == null || detail.isBlank() ? title : detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean unauthenticated() {
        return status == 401;
    }

    public boolean notFound() {
        return status == 404 || status == 403;
    }

    /** The first message about each field, by the field's name in the API ("donor.email", "amount.amount"). */
    public Map<String, String> messagesByField() {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        return byField;
    }

    public Optional<String> messageFor(String field) {
        return Optional.ofNullable(messagesByField().get(field));
    }
}
