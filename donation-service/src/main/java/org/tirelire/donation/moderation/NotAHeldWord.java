package org.tirelire.donation.moderation;

/** A held word that is not one (a sign, a space, too long): answered 422 naming {@code words}, nothing changes. */
public class NotAHeldWord extends RuntimeException {

    NotAHeldWord(String message) {
        super(message);
    }
}
