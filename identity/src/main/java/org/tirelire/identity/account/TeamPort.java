package org.tirelire.identity.account;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.api.OrganisationTeam;
import org.tirelire.identity.audit.AuditEntry;
import org.tirelire.identity.audit.AuditLog;
import org.tirelire.identity.organisation.Member;
import reactor.core.publisher.Mono;

/** {@link Memberships} as the web pages see it, in the records of the module's port. */
@Component
class TeamPort implements OrganisationTeam {

    private final Memberships memberships;

    TeamPort(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Mono<Team> team(String accessToken) {
        return memberships
                .caller(accessToken)
                .map(caller -> new Team(
                        caller.organisation().name(),
                        caller.member().memberId(),
                        caller.member().role().name(),
                        caller.organisation().members().stream()
                                // Members first, then invitations; each in the order they came.
                                .sorted(Comparator.comparing((Member member) -> !member.active()))
                                .map(Member::view)
                                .toList()));
    }

    @Override
    public Mono<List<AuditLine>> auditLog(String accessToken, int limit) {
        return memberships
                .auditLog(accessToken, limit)
                .map(entries -> entries.stream().map(AuditEntry::line).toList());
    }

    @Override
    public Mono<String> auditCsv(String accessToken, int limit) {
        return memberships.auditLog(accessToken, limit).map(AuditLog::csv);
    }

    @Override
    public Mono<Void> invite(String accessToken, String email, String role, @Nullable String currentPassword) {
        return memberships
                .invite(accessToken, email, OrganisationRole.valueOf(role), currentPassword)
                .then();
    }

    @Override
    public Mono<Void> changeRole(String accessToken, String memberId, String role, @Nullable String currentPassword) {
        return memberships
                .changeRole(accessToken, memberId, OrganisationRole.valueOf(role), currentPassword)
                .then();
    }

    @Override
    public Mono<Void> remove(String accessToken, String memberId, @Nullable String currentPassword) {
        return memberships.remove(accessToken, memberId, currentPassword).then();
    }

    @Override
    public Mono<InvitationDetails> invitation(String invitationToken) {
        return memberships.invitation(invitationToken).map(TeamPort::details);
    }

    @Override
    public Mono<InvitationDetails> accept(String invitationToken, String password) {
        return memberships.accept(invitationToken, password).map(TeamPort::details);
    }

    private static InvitationDetails details(Memberships.Invitation invitation) {
        return new InvitationDetails(
                invitation.organisation().id(),
                invitation.organisation().name(),
                invitation.member().email(),
                invitation.member().role().name(),
                invitation.member().invitedBy(),
                invitation.accountExists());
    }
}
