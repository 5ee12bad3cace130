package org.tirelire.identity.organisation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.api.InvitationAlreadyUsed;
import org.tirelire.identity.api.InvitationExpired;
import org.tirelire.identity.api.OrganisationTeam.TeamMember;

/**
 * A person's place in an organisation: invited (they have not accepted yet) or active. The invitation
 * token is kept only as its SHA-256, and stays after acceptance so that a second use is told apart from
 * a forged link.
 *
 * @param accountId the person's account once they accepted; null while invited
 */
public record Member(
        String memberId,
        @Nullable String accountId,
        String email,
        OrganisationRole role,
        Status status,
        String invitedBy,
        Instant invitedAt,
        @Nullable String invitationTokenSha256,
        @Nullable Instant invitationExpiresAt,
        @Nullable Instant joinedAt) {

    public enum Status {
        INVITED,
        ACTIVE
    }

    static Member founder(String memberId, String accountId, String email, Instant now) {
        return new Member(
                memberId, accountId, email, OrganisationRole.ADMIN, Status.ACTIVE, email, now, null, null, now);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** Whether the link can still be used to join: not used yet, not expired. */
    public void checkUsable(Instant now) {
        if (active()) {
            throw new InvitationAlreadyUsed();
        }
        if (invitationExpiresAt == null || !now.isBefore(invitationExpiresAt)) {
            throw new InvitationExpired();
        }
    }

    /** The member as the API and the pages show them: never an invitation's token or its hash. */
    public TeamMember view() {
        return new TeamMember(
                memberId,
                email,
                role.name(),
                status.name(),
                invitedBy,
                invitedAt,
                active() ? null : invitationExpiresAt,
                joinedAt);
    }

    boolean activeAdmin() {
        return active() && role == OrganisationRole.ADMIN;
    }

    Member withRole(OrganisationRole newRole) {
        return new Member(
                memberId,
                accountId,
                email,
                newRole,
                status,
                invitedBy,
                invitedAt,
                invitationTokenSha256,
                invitationExpiresAt,
                joinedAt);
    }

    Member joined(String byAccount, Instant at) {
        return new Member(
                memberId,
                byAccount,
                email,
                role,
                Status.ACTIVE,
                invitedBy,
                invitedAt,
                invitationTokenSha256,
                invitationExpiresAt,
                at);
    }
}
