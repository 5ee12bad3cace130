package org.tirelire.contracts.events;

import java.time.Instant;

/**
 * A member of an organisation invited someone to join it. The invited person is emailed a link carrying
 * {@code invitationToken}, which works once and until {@code expiresAt}; the topic is read inside the
 * platform only, and the token is never passed on to webhooks.
 *
 * @param role the role the person will have once they accept
 * @param invitedBy the email of the member who invited them
 */
public record MemberInvited(
        String organisationId,
        String organisationName,
        String memberId,
        String email,
        String role,
        String invitedBy,
        String invitationToken,
        Instant expiresAt,
        Instant invitedAt)
        implements MemberEvent {

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }

    /** The token stays out of logs and toString-based diagnostics. */
    @Override
    public String toString() {
        return "MemberInvited[organisationId=" + organisationId + ", memberId=" + memberId + ", role=" + role + "]";
    }
}
