package org.tirelire.identity.api;

/** The invitation link was already used to join: it works once. Answered 410. */
public class InvitationAlreadyUsed extends RuntimeException {

    public InvitationAlreadyUsed() {
        super("This invitation was already accepted: sign in instead");
    }
}
