package org.tirelire.notification.fundraiser;

public class FundraiserPageNotFound extends RuntimeException {

    public FundraiserPageNotFound(String slug) {
        super("No collection page has the slug '" + slug + "'");
    }
}
