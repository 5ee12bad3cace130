package org.tirelire.gateway.auth;

public class EmailAlreadyRegistered extends RuntimeException {

    public EmailAlreadyRegistered() {
        super("An organiser account already exists for this email; log in instead");
    }
}
