package org.tirelire.identity.api;

/** The email already belongs to an active member of the organisation: answered 409. */
public class AlreadyAMember extends RuntimeException {

    public AlreadyAMember(String email) {
        super(email + " is already a member of this organisation");
    }
}
