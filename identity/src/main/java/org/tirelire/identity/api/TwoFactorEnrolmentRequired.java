package org.tirelire.identity.api;

import java.time.Duration;

/**
 * The password was right, but the organisation requires two-factor sign-in and the account has none yet:
 * answered 403 with a setup token, which lets the person enrol (and only that) for a short while.
 */
public class TwoFactorEnrolmentRequired extends RuntimeException {

    private final String setupToken;
    private final Duration validFor;

    public TwoFactorEnrolmentRequired(String setupToken, Duration validFor) {
        super("Your organisation requires two-factor sign-in: set it up with the setupToken, then sign in with a code");
        this.setupToken = setupToken;
        this.validFor = validFor;
    }

    public String setupToken() {
        return setupToken;
    }

    public Duration validFor() {
        return validFor;
    }
}
