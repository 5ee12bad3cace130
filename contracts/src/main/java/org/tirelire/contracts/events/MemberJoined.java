package org.tirelire.contracts.events;

import java.time.Instant;

/**
 * Someone became a member of an organisation: its founder at sign-up, or an invited person who accepted.
 *
 * @param role {@code ADMIN}, {@code TREASURER}, {@code EDITOR} or {@code VOLUNTEER}
 */
public record MemberJoined(
        String organisationId, String organisationName, String memberId, String email, String role, Instant joinedAt)
        implements MemberEvent {

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }
}
