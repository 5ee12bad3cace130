package org.tirelire.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event to deliver to one webhook, and what happened when we tried. Its id is the webhook's id and
 * the event's, so an event heard twice is delivered once. The body is the CloudEvent as the platform
 * published it; receivers may also deduplicate by its {@code id}.
 */
@Document("webhook_deliveries")
public record WebhookDelivery(
        @Id String id,
        @Indexed String subscriptionId,
        String organisationId,
        String eventId,
        String eventType,
        String body,
        @Indexed Status status,
        int attempts,
        Instant createdAt,
        @Indexed Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError) {

    public enum Status {
        PENDING,
        DELIVERED,
        /** Every attempt failed: the log says why; nothing more is tried. */
        FAILED
    }

    /**
     * After the first attempt fails, the next ones wait longer and longer: a receiver down for
     * maintenance for a few hours still gets every event.
     */
    static final List<Duration> RETRY_DELAYS = List.of(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(3),
            Duration.ofHours(6));

    static String idOf(String subscriptionId, String eventId) {
        return subscriptionId + "/" + eventId;
    }

    static WebhookDelivery pending(WebhookSubscription to, String eventId, String eventType, String body, Instant now) {
        return new WebhookDelivery(
                idOf(to.id(), eventId),
                to.id(),
                to.organisationId(),
                eventId,
                eventType,
                body,
                Status.PENDING,
                0,
                now,
                now,
                null,
                null,
                null);
    }

    WebhookDelivery delivered(int statusCode, Instant at) {
        return after(Status.DELIVERED, attempts + 1, at, at, statusCode, null);
    }

    /** A failed attempt: the next one later, or none after the last delay. */
    WebhookDelivery failed(@Nullable Integer statusCode, String error, Instant at) {
        int attempt = attempts + 1;
        boolean giveUp = attempt > RETRY_DELAYS.size();
        return after(
                giveUp ? Status.FAILED : Status.PENDING,
                attempt,
                giveUp ? at : at.plus(RETRY_DELAYS.get(attempt - 1)),
                null,
                statusCode,
                error);
    }

    /** Nothing more to try (the webhook is gone): failed at once, whatever the attempts left. */
    WebhookDelivery abandoned(String reason, Instant at) {
        return after(Status.FAILED, attempts, at, null, null, reason);
    }

    /** The same delivery, the same event, after an attempt or a decision. */
    private WebhookDelivery after(
            Status newStatus,
            int attemptsMade,
            Instant nextAttempt,
            @Nullable Instant delivered,
            @Nullable Integer statusCode,
            @Nullable String error) {
        return new WebhookDelivery(
                id,
                subscriptionId,
                organisationId,
                eventId,
                eventType,
                body,
                newStatus,
                attemptsMade,
                createdAt,
                nextAttempt,
                delivered,
                statusCode,
                error);
    }
}
