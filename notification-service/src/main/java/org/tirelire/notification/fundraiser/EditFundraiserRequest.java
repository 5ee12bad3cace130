package org.tirelire.notification.fundraiser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tirelire.kit.web.MoneyInput;

/** What a supporter may change on their page; absent fields stay as they are. */
public record EditFundraiserRequest(
        @Size(min = 1, max = 120) @Nullable String title,
        @Size(max = 1000) @Nullable String message,
        @Valid @Nullable MoneyInput goal) {}
