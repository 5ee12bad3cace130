package org.tirelire.donation.payment.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tirelire.donation.payment.ProviderKind;

/**
 * {@code PUT /api/organisations/me/payments}: where the organisation's gifts are paid from now on, with
 * what that provider needs, and the organiser's current password, asked again for a change that can divert
 * every future gift.
 */
public record PaymentAccountRequest(
        @NotNull ProviderKind provider,
        @Size(max = 255) @Nullable String secretKey,
        @Size(max = 255) @Nullable String webhookSecret,
        @Size(max = 255) @Nullable String clientId,
        @Size(max = 255) @Nullable String clientSecret,
        @Size(max = 120) @Nullable String organisationSlug,
        @Size(max = 128) @Nullable String currentPassword) {

    /** Never printed with its secrets. */
    @Override
    public String toString() {
        return "PaymentAccountRequest[" + provider + "]";
    }
}
