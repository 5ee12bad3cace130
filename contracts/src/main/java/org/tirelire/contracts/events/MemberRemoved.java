package org.tirelire.contracts.events;

import java.time.Instant;

/**
 * A member left the organisation, or an administrator removed them (or withdrew their invitation): they
 * can no longer act for it.
 *
 * @param removedBy the email of whoever removed them (their own when they left)
 */
public record MemberRemoved(
        String organisationId, String memberId, String email, String role, String removedBy, Instant removedAt)
        implements MemberEvent {

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }
}
