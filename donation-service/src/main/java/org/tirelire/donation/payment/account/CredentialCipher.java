package org.tirelire.donation.payment.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts payment credentials at rest with AES-256-GCM under a key from configuration
 * ({@code tirelire.payments.credentials-key}, 32 bytes in base64), never from the database: a copy of the
 * database alone reveals no key. Each value gets a fresh nonce, and is bound to its organisation (as the
 * authenticated data), so a ciphertext moved to another organisation's document does not open.
 */
@Component
public class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKey key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(@Value("${tirelire.payments.credentials-key:}") String base64Key) {
        this.key = base64Key.isBlank() ? null : keyOf(base64Key.strip());
    }

    /** Without a key, only the sandbox can be used: real credentials are never stored in clear. */
    public boolean configured() {
        return key != null;
    }

    public SealedCredentials seal(String plaintext, String organisationId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, organisationId, plaintext.getBytes(StandardCharsets.UTF_8));
        return new SealedCredentials(
                Base64.getEncoder().encodeToString(nonce), Base64.getEncoder().encodeToString(sealed));
    }

    public String open(SealedCredentials sealed, String organisationId) {
        byte[] plaintext = run(
                Cipher.DECRYPT_MODE,
                Base64.getDecoder().decode(sealed.nonce()),
                organisationId,
                Base64.getDecoder().decode(sealed.ciphertext()));
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String organisationId, byte[] input) {
        if (key == null) {
            throw new CredentialsKeyMissing();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(organisationId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.DECRYPT_MODE) {
                throw new CredentialsUnreadable(); // another key, or another organisation's value
            }
            throw new IllegalStateException("Payment credentials could not be encrypted");
        }
    }

    private static SecretKey keyOf(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("tirelire.payments.credentials-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "tirelire.payments.credentials-key must be 32 bytes (256 bits) in base64, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
