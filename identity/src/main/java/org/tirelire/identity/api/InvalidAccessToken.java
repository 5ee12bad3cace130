package org.tirelire.identity.api;

/** An access token that is unknown to our keys, forged or expired: sign in again. */
public class InvalidAccessToken extends RuntimeException {

    public InvalidAccessToken() {
        super("This access token is not valid: sign in again");
    }
}
