package org.tirelire.donation.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;

/**
 * An action that changed no document of its own (an export, an erasure over several gifts), kept only
 * for its {@code OrganisationActionTaken} event to leave through the outbox. The relay empties the outbox;
 * MongoDB removes the document a month later.
 */
@Document("reported_actions")
public record ReportedAction(
        @Id String id,
        String organisationId,
        @Indexed(expireAfter = "30d") Instant reportedAt,
        List<PendingEvent> outbox,
        @Version @Nullable Long version)
        implements OutboxAggregate {}
