package org.tirelire.gateway.auth;

public class BadCredentials extends RuntimeException {

    public BadCredentials() {
        super("The email or the password is wrong");
    }
}
