package org.tirelire.web.organiser;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tirelire.web.page.FormInput;

/** The forms of the members page and of an invitation; passwords are taken exactly as typed. */
final class MemberForms {

    static final String ROLES = "ADMIN|TREASURER|EDITOR|VOLUNTEER";

    private MemberForms() {}

    /** An administrator invites someone; their own password when their sign-in is old. */
    record Invite(
            @NotBlank(message = "members.error.email")
            @Email(message = "members.error.email")
            @Size(max = 254, message = "members.error.email")
            String email,

            @Pattern(regexp = ROLES, message = "members.error.role")
            String role,

            String currentPassword) {

        Invite {
            email = FormInput.text(email);
            role = FormInput.text(role);
            currentPassword = currentPassword == null ? "" : currentPassword;
        }

        static Invite empty() {
            return new Invite("", "VOLUNTEER", "");
        }

        /** What is shown again after a refusal: never a password. */
        Invite typed() {
            return new Invite(email, role, "");
        }

        @Nullable
        String password() {
            return currentPassword.isEmpty() ? null : currentPassword;
        }
    }

    /** A change to one member: a new role (or none, to remove them); the password when it is asked for. */
    /**
     * A change to one member: a new role (or none, to remove them); the password when it is asked for;
     * {@code confirmed} once the person confirmed a removal.
     */
    record MemberChange(String role, String currentPassword, String confirmed) {

        MemberChange {
            role = FormInput.text(role);
            currentPassword = currentPassword == null ? "" : currentPassword;
            confirmed = FormInput.text(confirmed);
        }

        boolean removalConfirmed() {
            return "yes".equals(confirmed);
        }

        boolean validRole() {
            return role.matches(ROLES);
        }

        @Nullable
        String password() {
            return currentPassword.isEmpty() ? null : currentPassword;
        }
    }

    /** The invited person's password: a new one, or their account's. */
    record Acceptance(String password) {

        Acceptance {
            password = password == null ? "" : password;
        }
    }
}
