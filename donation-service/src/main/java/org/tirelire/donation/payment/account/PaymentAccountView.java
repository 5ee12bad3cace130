package org.tirelire.donation.payment.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.donation.payment.ProviderKind;

/**
 * Where an organisation's gifts are paid, as its organisers see it: never a secret, only its last
 * characters ({@code keyHint}) to tell which key is in use.
 *
 * @param status {@code CONNECTED}, or {@code INVALID} when the provider refused the credentials just sent
 *     (then nothing was changed, and {@code detail} says why)
 * @param movesMoney false for the sandbox
 */
public record PaymentAccountView(
        ProviderKind provider,
        String status,
        @Nullable String detail,
        @Nullable String keyHint,
        boolean movesMoney,
        @Nullable Instant connectedAt,
        @Nullable String connectedBy) {

    static PaymentAccountView of(PaymentAccount account) {
        return new PaymentAccountView(
                account.provider(),
                "CONNECTED",
                null,
                account.keyHint(),
                account.provider() != ProviderKind.SANDBOX,
                account.connectedAt(),
                account.connectedBy().isBlank() ? null : account.connectedBy());
    }

    static PaymentAccountView sandbox() {
        return new PaymentAccountView(ProviderKind.SANDBOX, "CONNECTED", null, null, false, null, null);
    }

    static PaymentAccountView refused(Credentials tried, String detail) {
        return new PaymentAccountView(tried.provider(), "INVALID", detail, tried.secretHint(), true, null, null);
    }
}
