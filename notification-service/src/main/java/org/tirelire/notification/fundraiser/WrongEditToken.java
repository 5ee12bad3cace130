package org.tirelire.notification.fundraiser;

public class WrongEditToken extends RuntimeException {

    public WrongEditToken(String slug) {
        super("This is not the edit token of collection page '" + slug + "'");
    }
}
