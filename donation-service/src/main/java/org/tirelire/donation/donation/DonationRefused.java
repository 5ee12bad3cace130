package org.tirelire.donation.donation;

import org.springframework.http.HttpStatus;

/** A gift that cannot be accepted, with the field at fault when there is one. Nothing is recorded. */
public class DonationRefused extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public DonationRefused(HttpStatus status, String field, String message) {
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
