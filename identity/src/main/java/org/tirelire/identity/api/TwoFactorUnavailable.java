package org.tirelire.identity.api;

/** This server has no key to encrypt two-factor secrets with ({@code TIRELIRE_AUTH_SECRETS_KEY}): 503. */
public class TwoFactorUnavailable extends RuntimeException {

    public TwoFactorUnavailable() {
        super("Two-factor sign-in is not set up on this server: its administrator sets TIRELIRE_AUTH_SECRETS_KEY");
    }
}
