package org.tirelire.campaign.campaign;

/** A sponsor's match that cannot be added as asked; names the field at fault. */
public class MatchRefused extends RuntimeException {

    private final String field;

    public MatchRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
