package org.tirelire.identity.api;

/**
 * The person signed in correctly but does not act for the organisation asked for (or for any, once
 * removed from every one): answered 403.
 */
public class NotAMember extends RuntimeException {

    public NotAMember() {
        super("You are not a member of this organisation");
    }
}
