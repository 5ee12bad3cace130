package org.tirelire.donation.payment.account;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns credentials into what is stored, and back: JSON, encrypted for one organisation. */
@Component
public class CredentialStore {

    private final CredentialCipher cipher;
    private final JsonMapper json;

    CredentialStore(CredentialCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public boolean ready() {
        return cipher.configured();
    }

    SealedCredentials seal(String organisationId, Credentials credentials) {
        return cipher.seal(json.writeValueAsString(credentials), organisationId);
    }

    /** The credentials of an account connected to a real provider. */
    public Credentials open(PaymentAccount account) {
        if (account.credentials() == null) {
            throw new IllegalStateException("The sandbox has no credentials");
        }
        String plain = cipher.open(account.credentials(), account.organisationId());
        return switch (account.provider()) {
            case STRIPE -> json.readValue(plain, Credentials.Stripe.class);
            case HELLOASSO -> json.readValue(plain, Credentials.HelloAsso.class);
            case SANDBOX -> throw new IllegalStateException("The sandbox has no credentials");
        };
    }
}
