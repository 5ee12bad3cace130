package org.tirelire.donation.payment;

public class InvalidWebhook extends RuntimeException {

    public InvalidWebhook(String reason) {
        super(reason);
    }
}
