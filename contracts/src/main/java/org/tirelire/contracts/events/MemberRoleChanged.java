package org.tirelire.contracts.events;

import java.time.Instant;

/**
 * An administrator gave a member another role.
 *
 * @param changedBy the email of the administrator who changed it
 */
public record MemberRoleChanged(
        String organisationId,
        String memberId,
        String email,
        String previousRole,
        String role,
        String changedBy,
        Instant changedAt)
        implements MemberEvent {

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }
}
