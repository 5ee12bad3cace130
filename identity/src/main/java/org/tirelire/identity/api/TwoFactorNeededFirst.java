package org.tirelire.identity.api;

/** An administrator asked that every member use two-factor sign-in without using it themselves: 409. */
public class TwoFactorNeededFirst extends RuntimeException {

    public TwoFactorNeededFirst() {
        super("Turn on two-factor sign-in for your own account before requiring it of every member");
    }
}
