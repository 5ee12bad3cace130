package org.tirelire.identity.api;

/** The code typed to confirm an enrolment does not match the new secret: answered 422 naming {@code code}. */
public class TwoFactorNotConfirmed extends RuntimeException {

    public TwoFactorNotConfirmed() {
        super("This code does not match: check the time of your phone and type the current code");
    }
}
