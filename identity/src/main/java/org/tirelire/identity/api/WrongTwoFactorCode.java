package org.tirelire.identity.api;

/** A sign-in code that is wrong, expired or already used: answered 401 naming {@code code}; it counts as a failed login. */
public class WrongTwoFactorCode extends RuntimeException {

    public WrongTwoFactorCode() {
        super("This code is wrong or was already used: type the current one");
    }
}
