package org.tirelire.notification.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A gift's event heard before the publication of its campaign (the two arrive on different topics, and
 * after a restart one topic's backlog can run ahead of the other's). It waits here, keyed by the event's
 * id, until the publication tells which organisation's webhooks want it.
 */
@Document("webhook_events_awaiting_campaign")
record EventAwaitingCampaign(
        @Id String eventId, @Indexed String campaignId, String eventType, String body, Instant heardAt) {}
