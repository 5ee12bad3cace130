package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.access.AuditAction;

/**
 * A member of an organisation did something its audit log keeps (a refund, an export, an erasure, a
 * payment-account change). The service that did it reports it; identity, which keeps the log, records it.
 *
 * @param actorAccountId the account of the member who did it
 * @param actorEmail their email, as the log shows it
 * @param target what it was done to, in words; never a donor's personal data
 */
public record OrganisationActionTaken(
        String organisationId,
        AuditAction action,
        String actorAccountId,
        String actorEmail,
        String target,
        Instant takenAt)
        implements OrganisationEvent {

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }
}
