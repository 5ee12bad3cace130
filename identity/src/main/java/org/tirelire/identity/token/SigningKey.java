package org.tirelire.identity.token;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An RSA key pair that signs access tokens, as a JWK. Kept in the identity database so tokens stay
 * valid across restarts and every gateway instance signs with the same key; rotating means adding a
 * newer key while the older one is still published for the tokens it signed.
 */
@Document("signing_keys")
public record SigningKey(@Id String keyId, String privateJwk, Instant createdAt) {}
