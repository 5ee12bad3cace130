package org.tirelire.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.account.Memberships;
import org.tirelire.identity.api.OrganisationTeam.AuditLine;
import org.tirelire.identity.api.OrganisationTeam.TeamMember;
import org.tirelire.identity.audit.AuditEntry;
import org.tirelire.identity.audit.AuditLog;
import org.tirelire.identity.organisation.Member;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The members of the caller's organisation (ADR 20, ADR 21): any member sees them; administrators invite,
 * change roles and remove. An invited person reads and accepts their invitation without being signed in:
 * its link is their credential.
 */
@RestController
class MembersController {

    private final Memberships memberships;
    private final JsonMapper json;

    MembersController(Memberships memberships, JsonMapper json) {
        this.memberships = memberships;
        this.json = json;
    }

    @GetMapping("/api/organisations/me/members")
    Mono<List<TeamMember>> members(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return memberships
                .organisationOf(BearerTokens.of(authorization))
                .map(organisation ->
                        organisation.members().stream().map(Member::view).toList());
    }

    record Invite(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull OrganisationRole role,
            @Nullable @Size(max = 128) String currentPassword) {}

    @PostMapping("/api/organisations/me/members")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TeamMember> invite(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody Invite invite) {
        return memberships
                .invite(BearerTokens.of(authorization), invite.email(), invite.role(), invite.currentPassword())
                .map(Member::view);
    }

    record RoleChange(
            @NotNull OrganisationRole role,
            @Nullable @Size(max = 128) String currentPassword) {}

    @PatchMapping("/api/organisations/me/members/{memberId}")
    Mono<TeamMember> changeRole(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String memberId,
            @Valid @RequestBody RoleChange change) {
        return memberships
                .changeRole(BearerTokens.of(authorization), memberId, change.role(), change.currentPassword())
                .map(Member::view);
    }

    record Removal(@Nullable String currentPassword) {}

    /**
     * Removes a member or withdraws an invitation. A body is optional on a DELETE, and clients send it with
     * or without a content type: it is read as text, then as JSON.
     */
    @DeleteMapping("/api/organisations/me/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String memberId,
            @RequestBody(required = false) @Nullable String body) {
        Removal removal = body == null || body.isBlank() ? new Removal(null) : json.readValue(body, Removal.class);
        return memberships
                .remove(BearerTokens.of(authorization), memberId, removal.currentPassword())
                .then();
    }

    /**
     * Who did what for the organisation, newest first (at most {@code limit}, 1000): for its
     * administrators. {@code Accept: text/csv} gives the same as CSV.
     */
    @GetMapping(path = "/api/organisations/me/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<AuditLine>> audit(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestParam(defaultValue = "200") int limit) {
        return memberships
                .auditLog(BearerTokens.of(authorization), Math.min(Math.max(limit, 1), 1000))
                .map(entries -> entries.stream().map(AuditEntry::line).toList());
    }

    @GetMapping(path = "/api/organisations/me/audit", produces = "text/csv")
    Mono<ResponseEntity<String>> auditCsv(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestParam(defaultValue = "1000") int limit) {
        return memberships
                .auditLog(BearerTokens.of(authorization), Math.min(Math.max(limit, 1), 1000))
                .map(entries -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                        .body(AuditLog.csv(entries)));
    }

    /** What the invitation page shows before the person accepts. */
    record InvitationView(
            String organisationName, String email, OrganisationRole role, String invitedBy, boolean accountExists) {}

    @GetMapping("/api/invitations/{token}")
    Mono<InvitationView> invitation(@PathVariable String token) {
        return memberships
                .invitation(token)
                .map(invitation -> new InvitationView(
                        invitation.organisation().name(),
                        invitation.member().email(),
                        invitation.member().role(),
                        invitation.member().invitedBy(),
                        invitation.accountExists()));
    }

    record Acceptance(@NotBlank @Size(max = 128) String password) {}

    /** The person the link was sent to joins, and can then sign in for the organisation. */
    record Joined(
            String organisationId, String organisationName, String memberId, String email, OrganisationRole role) {}

    @PostMapping("/api/invitations/{token}/accept")
    Mono<Joined> accept(@PathVariable String token, @Valid @RequestBody Acceptance acceptance) {
        return memberships
                .accept(token, acceptance.password())
                .map(joined -> new Joined(
                        joined.organisation().id(),
                        joined.organisation().name(),
                        joined.member().memberId(),
                        joined.member().email(),
                        joined.member().role()));
    }
}
