package org.tirelire.notification.webhook;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation's webhook: where to deliver which events, and the secret their deliveries are signed
 * with (kept to sign, shown to the organiser once, when they register the webhook).
 */
@Document("webhook_subscriptions")
public record WebhookSubscription(
        @Id String id,
        @Indexed String organisationId,
        String url,
        List<String> eventTypes,
        String secret,
        Instant createdAt) {

    boolean wants(String eventType) {
        return eventTypes.contains(eventType);
    }
}
