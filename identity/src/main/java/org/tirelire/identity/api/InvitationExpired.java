package org.tirelire.identity.api;

/** The invitation link is past its expiry: answered 410. */
public class InvitationExpired extends RuntimeException {

    public InvitationExpired() {
        super("This invitation has expired: ask for a new one");
    }
}
