package org.tirelire.identity.api;

/** Two-factor sign-in is already on for this account: answered 409. */
public class TwoFactorAlreadyOn extends RuntimeException {

    public TwoFactorAlreadyOn() {
        super("Two-factor sign-in is already on for your account");
    }
}
