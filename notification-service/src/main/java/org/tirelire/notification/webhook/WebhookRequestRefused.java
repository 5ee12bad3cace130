package org.tirelire.notification.webhook;

/** A webhook registration that cannot be accepted, naming the field at fault. */
public class WebhookRequestRefused extends RuntimeException {

    private final String field;

    public WebhookRequestRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
