package org.tirelire.campaign.campaign;

import org.springframework.http.HttpStatus;

/** A poll that cannot be opened or closed as asked; names the field at fault, if one is. */
public class PollRefused extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public PollRefused(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
