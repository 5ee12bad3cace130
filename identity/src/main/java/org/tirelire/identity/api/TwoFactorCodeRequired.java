package org.tirelire.identity.api;

/** The code of the authenticator app is needed to sign in to this account: answered 401 naming {@code code}. */
public class TwoFactorCodeRequired extends RuntimeException {

    public TwoFactorCodeRequired() {
        super("Type the 6-digit code of your authenticator app (or a recovery code)");
    }
}
