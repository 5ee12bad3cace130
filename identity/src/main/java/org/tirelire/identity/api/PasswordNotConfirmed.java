package org.tirelire.identity.api;

/**
 * A sensitive change (members, roles) made long after the password was last typed, without it or with
 * another one: answered 422 naming {@code currentPassword}.
 */
public class PasswordNotConfirmed extends RuntimeException {

    public PasswordNotConfirmed(String message) {
        super(message);
    }
}
