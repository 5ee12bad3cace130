package org.tirelire.donation.payment.account;

/** No key to encrypt payment credentials is configured: only the sandbox is available. */
public class CredentialsKeyMissing extends RuntimeException {

    public CredentialsKeyMissing() {
        super("This platform has no key to encrypt payment credentials (TIRELIRE_PAYMENTS_CREDENTIALS_KEY):"
                + " only the sandbox can be used until its administrator sets one");
    }
}
