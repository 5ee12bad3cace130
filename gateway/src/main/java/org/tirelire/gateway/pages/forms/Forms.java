package org.tirelire.gateway.pages.forms;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** Reading submitted HTML forms: a missing field is an empty text, a checkbox is on or absent. */
public final class Forms {

    private Forms() {}

    public static String text(MultiValueMap<String, String> form, String name) {
        @Nullable String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    public static boolean checked(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        return value.equals("on") || value.equals("true");
    }
}
