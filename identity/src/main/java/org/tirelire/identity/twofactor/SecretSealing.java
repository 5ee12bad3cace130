package org.tirelire.identity.twofactor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;
import org.tirelire.identity.AuthProperties;
import org.tirelire.identity.api.TwoFactorUnavailable;

/**
 * Keeps two-factor secrets encrypted at rest (AES-256-GCM with a fresh nonce each time, by Spring Security's
 * {@link Encryptors#delux}), under a key from configuration, never from the database: a copy of the
 * database alone computes no code. Each secret is sealed with its account's id and opened only for it, so a
 * sealed secret copied onto another account does not open.
 */
@Component
class SecretSealing {

    private static final String SEALED = "aes-gcm:";
    /** The key is 256 random bits already: the salt of the key derivation need not be secret or vary. */
    private static final String SALT = HexFormat.of().formatHex("tirelire-totp".getBytes(StandardCharsets.UTF_8));

    private final @Nullable TextEncryptor encryptor;

    SecretSealing(AuthProperties properties) {
        this.encryptor = properties.secretsKey().isBlank()
                ? null
                : encryptorFor(properties.secretsKey().strip());
    }

    String seal(String accountId, String secret) {
        if (encryptor == null) {
            throw new TwoFactorUnavailable();
        }
        return SEALED + encryptor.encrypt(accountId + "\n" + secret);
    }

    /** Whether a stored secret is sealed already, or could be now (one from before secrets were sealed). */
    boolean sealable(String stored) {
        return encryptor != null && !stored.startsWith(SEALED);
    }

    /** The secret as the authenticator app has it; one stored before secrets were sealed is read as it is. */
    String open(String accountId, String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        if (encryptor == null) {
            throw new TwoFactorUnavailable();
        }
        String opened = encryptor.decrypt(stored.substring(SEALED.length()));
        String owner = accountId + "\n";
        if (!opened.startsWith(owner)) {
            throw new IllegalStateException("A two-factor secret sealed for another account");
        }
        return opened.substring(owner.length());
    }

    private static TextEncryptor encryptorFor(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("tirelire.auth.secrets-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    "tirelire.auth.secrets-key must be 32 bytes (256 bits) in base64, not " + key.length);
        }
        return Encryptors.delux(base64Key, SALT);
    }
}
