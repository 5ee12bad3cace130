package org.tirelire.identity.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, kept only as its SHA-256. Each one is exchanged once; the new one continues its
 * {@code family}. A used token presented again means it was copied: the whole family is revoked.
 */
@Document("refresh_tokens")
public record RefreshToken(
        @Id String tokenSha256,
        String accountId,
        @Indexed String family,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt) {}
