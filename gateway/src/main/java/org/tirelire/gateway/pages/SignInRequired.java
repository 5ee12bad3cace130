package org.tirelire.gateway.pages;

/** An organiser page was asked for without a valid session: the login page follows. */
class SignInRequired extends RuntimeException {

    SignInRequired() {
        super("sign-in required");
    }
}
