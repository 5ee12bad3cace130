package org.tirelire.notification.webhook;

/** No such webhook, or not the organisation's: the same answer, so ids reveal nothing. */
public class WebhookNotFound extends RuntimeException {

    public WebhookNotFound(String id) {
        super("No webhook " + id + " in your organisation");
    }
}
