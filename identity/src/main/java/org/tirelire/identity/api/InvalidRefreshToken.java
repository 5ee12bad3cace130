package org.tirelire.identity.api;

/** A refresh token that is unknown, expired, revoked or already used: log in again. */
public class InvalidRefreshToken extends RuntimeException {

    public InvalidRefreshToken() {
        super("This refresh token is not valid any more: log in again");
    }
}
