package org.tirelire.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request refused for several fields at once, each named with what is wrong, so that a form can show
 * every mistake in one go; answered as a problem with an {@code errors} list. Nothing changed.
 */
public class InvalidFields extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, String> messagesByField;

    /** @param messagesByField in the order the form shows them */
    public InvalidFields(HttpStatus status, String title, String detail, Map<String, String> messagesByField) {
        super(detail);
        if (messagesByField.isEmpty()) {
            throw new IllegalArgumentException("name at least one field");
        }
        this.status = status;
        this.title = title;
        this.messagesByField = new LinkedHashMap<>(messagesByField);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Map<String, String>> errors() {
        return messagesByField.entrySet().stream()
                .map(error -> Problems.fieldError(error.getKey(), error.getValue()))
                .toList();
    }
}
