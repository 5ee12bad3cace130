package org.tirelire.notification.fundraiser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tirelire.kit.web.MoneyInput;

/** A supporter opens a collection page; no account needed. Their email is never shown publicly. */
public record CreateFundraiserRequest(
        @NotNull @Valid Supporter supporter,
        @NotBlank @Size(max = 120) String title,
        @Valid @Nullable MoneyInput goal,
        @Size(max = 1000) @Nullable String message,
        @Size(max = 80) @Nullable String team,

        @Pattern(regexp = "fr|en", message = "must be fr or en") @Nullable
        String locale) {

    public record Supporter(
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Email @Size(max = 254) String email) {}
}
