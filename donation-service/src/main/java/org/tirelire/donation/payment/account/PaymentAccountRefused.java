package org.tirelire.donation.payment.account;

import org.springframework.http.HttpStatus;

/** A payment account request that cannot be taken, naming its field; nothing changed. */
public class PaymentAccountRefused extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public PaymentAccountRefused(HttpStatus status, String field, String message) {
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
