package org.tirelire.web.organiser;

import org.jspecify.annotations.Nullable;
import org.tirelire.web.page.FormInput;

/**
 * An organiser logging in; a password is taken exactly as typed. {@code code}: their authenticator's code
 * or a recovery code, when two-factor sign-in is on.
 */
public record LoginForm(String email, String password, String code) {

    public LoginForm {
        email = FormInput.text(email);
        password = password == null ? "" : password;
        code = FormInput.text(code);
    }

    /** No code typed is no code at all. */
    @Override
    public @Nullable String code() {
        return code.isEmpty() ? null : code;
    }
}
