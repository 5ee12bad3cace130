package org.tirelire.identity.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, kept only as its SHA-256. Each one is exchanged once; the new one continues its
 * {@code family}. A used token presented again means it was copied: the whole family is revoked.
 *
 * @param organisationId the organisation the session acts for; null in tokens issued before an account
 *     could belong to several, which act for the one it founded
 * @param authenticatedAt when the person last typed their password in this session (its login); null in
 *     older tokens
 */
@Document("refresh_tokens")
public record RefreshToken(
        @Id String tokenSha256,
        @Indexed String accountId,
        @Nullable String organisationId,
        @Indexed String family,
        @Nullable Instant authenticatedAt,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt) {}
