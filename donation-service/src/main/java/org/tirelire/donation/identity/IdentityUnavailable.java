package org.tirelire.donation.identity;

/** The identity module did not answer whether the password is right: nothing changes, try again. */
public class IdentityUnavailable extends RuntimeException {

    public IdentityUnavailable(Throwable cause) {
        super("Your password could not be checked just now: nothing was changed, try again in a moment", cause);
    }
}
