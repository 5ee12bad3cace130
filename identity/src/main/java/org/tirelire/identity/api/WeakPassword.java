package org.tirelire.identity.api;

/** A new account's password is too short: answered 400 naming {@code password}, as at sign-up. */
public class WeakPassword extends RuntimeException {

    public WeakPassword() {
        super("must be 8 to 128 characters");
    }
}
