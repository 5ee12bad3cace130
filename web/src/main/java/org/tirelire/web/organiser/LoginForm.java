package org.tirelire.web.organiser;

import org.tirelire.web.page.FormInput;

/** An organiser logging in; a password is taken exactly as typed. */
public record LoginForm(String email, String password) {

    public LoginForm {
        email = FormInput.text(email);
        password = password == null ? "" : password;
    }
}
