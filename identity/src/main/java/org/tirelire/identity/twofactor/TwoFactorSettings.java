package org.tirelire.identity.twofactor;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account's second factor: the TOTP secret shared with its authenticator app (sealed by {@link
 * SecretSealing}), the one-time recovery
 * codes (kept as SHA-256 only), and the last time step a code was accepted for, so that no code works
 * twice. An enrolment waits in the {@code pending…} fields until a first code confirms it.
 *
 * @param lastUsedStep the 30-second step of the last accepted code; codes of that step or older are refused
 * @param setupTicketSha256 the hash of the setup token a login got because the organisation requires a second
 *     factor the account does not have yet: it allows enrolling, nothing else, until {@code setupTicketExpiresAt}
 */
@Document("two_factor")
record TwoFactorSettings(
        @Id String accountId,
        @Nullable String secret,
        List<String> recoveryCodeSha256,
        @Nullable Instant enabledAt,
        long lastUsedStep,
        @Nullable String pendingSecret,
        List<String> pendingRecoveryCodeSha256,
        @Nullable String setupTicketSha256,
        @Nullable Instant setupTicketExpiresAt,
        @Nullable String setupTicketOrganisationId) {

    boolean enabled() {
        return secret != null && enabledAt != null;
    }
}
