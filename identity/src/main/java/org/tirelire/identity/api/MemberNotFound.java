package org.tirelire.identity.api;

/** No member or invitation of the organisation has this id: answered 404. */
public class MemberNotFound extends RuntimeException {

    public MemberNotFound() {
        super("No member of your organisation has this id");
    }
}
