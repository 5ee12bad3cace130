package org.tirelire.identity.api;

/** The change would leave the organisation without an administrator: answered 409. */
public class LastAdministrator extends RuntimeException {

    public LastAdministrator() {
        super("An organisation keeps at least one administrator: make someone else an administrator first");
    }
}
