package org.tirelire.identity.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What the web pages may ask of the identity module about the people of an organisation: see them,
 * and (administrators) invite, change roles, remove; and, for an invited person, read and accept their
 * invitation. Roles are their names ({@code ADMIN}, {@code TREASURER}, {@code EDITOR}, {@code VOLUNTEER}).
 * Refusals are the exceptions of this package: {@link RoleNeeded}, {@link PasswordNotConfirmed},
 * {@link AlreadyAMember}, {@link LastAdministrator}, {@link MemberNotFound}, {@link InvitationNotFound},
 * {@link InvitationExpired}, {@link InvitationAlreadyUsed}, {@link BadCredentials}, {@link WeakPassword}.
 */
public interface OrganisationTeam {

    /** A member, or a pending invitation ({@code status} {@code INVITED}). */
    record TeamMember(
            String id,
            String email,
            String role,
            String status,
            String invitedBy,
            Instant invitedAt,
            @Nullable Instant invitationExpiresAt,
            @Nullable Instant joinedAt) {}

    /** The caller's organisation as its members page shows it. */
    record Team(String organisationName, String yourMemberId, String yourRole, List<TeamMember> members) {

        public boolean administeredByYou() {
            return "ADMIN".equals(yourRole);
        }
    }

    /** An invitation as its link shows it, before it is accepted. */
    record InvitationDetails(
            String organisationId,
            String organisationName,
            String email,
            String role,
            String invitedBy,
            boolean accountExists) {}

    /** One line of the audit log: who did what, to what, when ({@code action} as the API names it). */
    record AuditLine(
            Instant at,
            String actor,
            String action,
            @Nullable String target) {}

    Mono<Team> team(String accessToken);

    /** The organisation's audit log, newest first, for its administrators ({@link RoleNeeded} otherwise). */
    Mono<List<AuditLine>> auditLog(String accessToken, int limit);

    /** The same as CSV. */
    Mono<String> auditCsv(String accessToken, int limit);

    Mono<Void> invite(String accessToken, String email, String role, @Nullable String currentPassword);

    Mono<Void> changeRole(String accessToken, String memberId, String role, @Nullable String currentPassword);

    Mono<Void> remove(String accessToken, String memberId, @Nullable String currentPassword);

    Mono<InvitationDetails> invitation(String invitationToken);

    /** The invited person joins; they then sign in with their email, this password and the organisation's id. */
    Mono<InvitationDetails> accept(String invitationToken, String password);
}
