package org.tirelire.web.organiser;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.tirelire.web.page.FormInput;

/** An association signing up: the organiser's email and password, and the organisation's name. */
public record SignupForm(
        @Size(max = 254, message = "signup.error.email")
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "signup.error.email")
        String email,

        @Size(min = 8, max = 128, message = "signup.error.password")
        String password,

        @NotBlank(message = "signup.error.organisationName") @Size(max = 120, message = "signup.error.organisationName")
        String organisationName) {

    /** A password is taken exactly as typed, spaces included. */
    public SignupForm {
        email = FormInput.text(email);
        password = password == null ? "" : password;
        organisationName = FormInput.text(organisationName);
    }

    /** What the form shows again when refused: never the password. */
    Map<String, String> typed() {
        return Map.of("email", email, "organisationName", organisationName);
    }
}
