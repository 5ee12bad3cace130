package org.tirelire.identity.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.identity.api.OrganisationTeam.AuditLine;

/**
 * One thing someone did for an organisation, or tried to: who, what, on what, when. Written once and
 * never changed; removed by MongoDB a year later.
 *
 * @param actor the email of whoever did it (for a failed login, the email that was typed)
 * @param target what it was done to, in words: a member's email, a role change; null when nothing else
 */
@Document("audit_entries")
public record AuditEntry(
        @Id String id,
        String organisationId,
        Instant at,
        String actor,
        AuditAction action,
        @Nullable String target) {

    /** The entry as the API and the pages show it. */
    public AuditLine line() {
        return new AuditLine(at, actor, action.name(), target);
    }
}
