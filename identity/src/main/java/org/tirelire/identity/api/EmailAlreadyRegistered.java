package org.tirelire.identity.api;

public class EmailAlreadyRegistered extends RuntimeException {

    public EmailAlreadyRegistered() {
        super("An organiser account already exists for this email; log in instead");
    }
}
