package org.tirelire.notification.webhook;

/** A webhook URL the platform will not call; the message completes "The URL …". */
public class WebhookTargetRefused extends RuntimeException {

    public WebhookTargetRefused(String reason) {
        super(reason);
    }
}
