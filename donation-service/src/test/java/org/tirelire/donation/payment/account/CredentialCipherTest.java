package org.tirelire.donation.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String SECRET = "{\"secretKey\":\"sk_live_51abcdefghijkl\"}";

    private final CredentialCipher cipher = new CredentialCipher(randomKey());

    @Test
    void a_sealed_secret_opens_for_its_organisation_and_shows_nothing_of_itself() {
        SealedCredentials sealed = cipher.seal(SECRET, "org-1");

        assertThat(cipher.open(sealed, "org-1")).isEqualTo(SECRET);
        assertThat(sealed.toString()).doesNotContain("sk_live");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()))).doesNotContain("sk_live");
        assertThat(cipher.seal(SECRET, "org-1").nonce())
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed.nonce());
    }

    @Test
    void a_sealed_secret_copied_to_another_organisation_or_read_with_another_key_does_not_open() {
        SealedCredentials sealed = cipher.seal(SECRET, "org-1");

        assertThatThrownBy(() -> cipher.open(sealed, "org-2")).isInstanceOf(CredentialsUnreadable.class);
        assertThatThrownBy(() -> new CredentialCipher(randomKey()).open(sealed, "org-1"))
                .isInstanceOf(CredentialsUnreadable.class);
    }

    @Test
    void without_a_key_nothing_is_sealed_and_a_key_of_the_wrong_size_is_refused_at_start() {
        CredentialCipher none = new CredentialCipher("");

        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> none.seal(SECRET, "org-1")).isInstanceOf(CredentialsKeyMissing.class);
        assertThatThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
