package org.tirelire.web.page;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the pages do alike with a submitted HTML form: a field left out reads as empty text, typed text
 * loses its surrounding spaces, and Bean Validation's refusals become the {@code errors} the templates
 * show, a message key by field (a row's by its list), the first one for each.
 */
public final class FormInput {

    private static final String UNREADABLE = "form.error.unreadable";

    private FormInput() {}

    public static String text(@Nullable String typed) {
        return typed == null ? "" : typed.strip();
    }

    /** What was typed as a list (one per line, or also separated by commas), each trimmed, none empty. */
    public static List<String> entries(@Nullable String typed, boolean commasSeparateToo) {
        return Arrays.stream(text(typed).split(commasSeparateToo ? "[,\\n\\r]" : "[\\n\\r]"))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    public static List<String> texts(@Nullable List<String> typed) {
        return typed == null ? List.of() : typed.stream().map(FormInput::text).toList();
    }

    /** Message keys by field; {@code prefix} names the form when a page has several ({@code offline.}). */
    public static Map<String, String> errors(BindingResult binding, String prefix) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            // A value that could not even be converted (a checkbox sent as "maybe") has no message of ours.
            String key = error.isBindingFailure() ? UNREADABLE : String.valueOf(error.getDefaultMessage());
            errors.putIfAbsent(prefix + listNamed(error.getField()), key);
        }
        return errors;
    }

    /** An error in a row ({@code rewards[1].limit}) shows by its list ({@code rewards}). */
    private static String listNamed(String field) {
        int row = field.indexOf('[');
        return row > 0 ? field.substring(0, row) : field;
    }

    public static Map<String, String> errors(BindingResult binding) {
        return errors(binding, "");
    }
}
