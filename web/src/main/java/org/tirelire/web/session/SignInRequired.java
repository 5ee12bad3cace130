package org.tirelire.web.session;

/** An organiser page was asked for without a valid session: the login page follows. */
public class SignInRequired extends RuntimeException {

    SignInRequired() {
        super("sign-in required");
    }
}
