package org.tirelire.identity.api;

/** No invitation has this link: it was mistyped, forged, or withdrawn. Answered 404. */
public class InvitationNotFound extends RuntimeException {

    public InvitationNotFound() {
        super("This invitation link is not valid: ask for a new invitation");
    }
}
