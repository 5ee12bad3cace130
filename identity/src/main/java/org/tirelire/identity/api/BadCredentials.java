package org.tirelire.identity.api;

public class BadCredentials extends RuntimeException {

    public BadCredentials() {
        super("The email or the password is wrong");
    }
}
