package org.tirelire.identity.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.NotAMember;
import org.tirelire.identity.api.RoleNeeded;
import org.tirelire.identity.api.TwoFactorNeededFirst;
import org.tirelire.identity.api.WeakPassword;
import org.tirelire.identity.audit.AuditEntry;
import org.tirelire.identity.audit.AuditLog;
import org.tirelire.identity.organisation.Member;
import org.tirelire.identity.organisation.Organisation;
import org.tirelire.identity.organisation.OrganisationMembers;
import org.tirelire.identity.token.AccessTokenVerifier;
import org.tirelire.identity.token.RefreshTokens;
import org.tirelire.identity.token.VerifiedAccess;
import org.tirelire.identity.twofactor.TwoFactor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who acts for an organisation, as its administrators manage it: listing members, inviting, changing
 * roles, removing; and an invited person joining. The organisation's own document decides who may: a
 * role taken away counts at once, whatever the caller's access token still says. A change made long
 * after the caller last typed their password asks for it again.
 */
@Service
public class Memberships {

    private final OrganisationMembers members;
    private final OrganiserAccounts accounts;
    private final PasswordSignIn signIn;
    private final RecentSignIn recentSignIn;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AccessTokenVerifier verifier;
    private final RefreshTokens refreshTokens;
    private final TwoFactor twoFactor;
    private final Clock clock;

    Memberships(
            OrganisationMembers members,
            OrganiserAccounts accounts,
            PasswordSignIn signIn,
            RecentSignIn recentSignIn,
            AuditLog audit,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            AccessTokenVerifier verifier,
            RefreshTokens refreshTokens,
            TwoFactor twoFactor,
            Clock clock) {
        this.members = members;
        this.accounts = accounts;
        this.signIn = signIn;
        this.recentSignIn = recentSignIn;
        this.audit = audit;
        this.passwords = passwords;
        this.throttle = throttle;
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    /** The caller's organisation with its members and pending invitations; any member may see who else is. */
    public Mono<Organisation> organisationOf(String accessToken) {
        return caller(accessToken).map(Caller::organisation);
    }

    public Mono<Member> invite(
            String accessToken, String email, OrganisationRole role, @Nullable String currentPassword) {
        return administrator(accessToken, currentPassword, "invite members")
                .flatMap(admin -> members.invite(
                                admin.organisation().id(), PasswordSignIn.normalise(email), role, admin.email())
                        .flatMap(invited -> audit.record(
                                        admin.organisation().id(),
                                        admin.email(),
                                        AuditAction.MEMBER_INVITED,
                                        invited.email() + " as " + invited.role())
                                .thenReturn(invited)));
    }

    public Mono<Member> changeRole(
            String accessToken, String memberId, OrganisationRole role, @Nullable String currentPassword) {
        return administrator(accessToken, currentPassword, "change members' roles")
                .flatMap(admin -> members.changeRole(admin.organisation().id(), memberId, role, admin.email())
                        .flatMap(changed -> audit.record(
                                        admin.organisation().id(),
                                        admin.email(),
                                        AuditAction.MEMBER_ROLE_CHANGED,
                                        changed.email() + " now " + changed.role())
                                .thenReturn(changed)));
    }

    /**
     * Removes a member, or withdraws an invitation; a member may also leave by removing themselves. Their
     * sessions acting for the organisation end at once.
     */
    public Mono<Member> remove(String accessToken, String memberId, @Nullable String currentPassword) {
        return caller(accessToken)
                .flatMap(caller -> caller.member().memberId().equals(memberId)
                        ? confirmed(caller, accessToken, currentPassword)
                        : administrator(accessToken, currentPassword, "remove members"))
                .flatMap(caller -> members.remove(caller.organisation().id(), memberId, caller.email())
                        .flatMap(removed -> audit.record(
                                        caller.organisation().id(),
                                        caller.email(),
                                        AuditAction.MEMBER_REMOVED,
                                        removed.email())
                                .thenReturn(removed))
                        .flatMap(removed -> removed.accountId() == null
                                ? Mono.just(removed)
                                : refreshTokens
                                        .revokeSessionsOf(
                                                removed.accountId(),
                                                caller.organisation().id())
                                        .thenReturn(removed)));
    }

    /**
     * Whether every member must sign in with a second factor. An administrator requires it only once they
     * use one themselves; then the sessions of the members who have none end at once, and their next login
     * asks them to set one up.
     */
    public Mono<Boolean> requireTwoFactor(String accessToken, boolean required, @Nullable String currentPassword) {
        return administrator(accessToken, currentPassword, "require two-factor sign-in")
                .flatMap(admin -> (required
                                ? twoFactor
                                        .enabledFor(admin.access().accountId())
                                        .filter(enabled -> enabled)
                                        .switchIfEmpty(Mono.error(TwoFactorNeededFirst::new))
                                        .then()
                                : Mono.<Void>empty())
                        .then(members.requireTwoFactor(admin.organisation().id(), required))
                        .flatMap(organisation -> audit.record(
                                        organisation.id(),
                                        admin.email(),
                                        AuditAction.TWO_FACTOR_REQUIREMENT_CHANGED,
                                        required ? "required of every member" : "no longer required")
                                .then(required ? endSessionsWithoutSecondFactor(organisation) : Mono.empty()))
                        .thenReturn(required));
    }

    /** An administrator lists the sites that may frame the organisation's widgets (origins, checked by the caller). */
    public Mono<List<String>> allowEmbeddingFrom(
            String accessToken, List<String> origins, @Nullable String currentPassword) {
        return administrator(accessToken, currentPassword, "choose the sites that show the campaigns' widgets")
                .flatMap(admin -> members.allowEmbeddingFrom(
                                admin.organisation().id(), origins)
                        .flatMap(organisation -> audit.record(
                                        organisation.id(),
                                        admin.email(),
                                        AuditAction.EMBED_SITES_CHANGED,
                                        origins.isEmpty() ? "none" : String.join(" ", origins))
                                .thenReturn(organisation.embedOrigins())));
    }

    private Mono<Void> endSessionsWithoutSecondFactor(Organisation organisation) {
        return Flux.fromIterable(organisation.members())
                .filter(member -> member.active() && member.accountId() != null)
                .filterWhen(member -> twoFactor.enabledFor(member.accountId()).map(enabled -> !enabled))
                .flatMap(member -> refreshTokens.revokeSessionsOf(member.accountId(), organisation.id()))
                .then();
    }

    /** Who an invitation link is for, while it can still be accepted (used or expired links are refused). */
    public Mono<Invitation> invitation(String invitationToken) {
        return members.byInvitation(invitationToken).flatMap(organisation -> {
            Member invited = organisation.invitation(invitationToken);
            invited.checkUsable(clock.instant());
            return accounts.findByEmail(invited.email())
                    .hasElement()
                    .map(hasAccount -> new Invitation(organisation, invited, hasAccount));
        });
    }

    /**
     * The invited person joins: with their own password when they already have an account (they sign in),
     * or with the password of a new account for the invited email.
     */
    public Mono<Invitation> accept(String invitationToken, String password) {
        // A used or expired link is said so (by invitation()) before any password is checked.
        return invitation(invitationToken)
                .flatMap(invitation -> accountFor(invitation.member().email(), password)
                        .flatMap(account ->
                                members.accept(invitation.organisation().id(), invitationToken, account.id()))
                        .flatMap(joined -> audit.record(
                                        invitation.organisation().id(),
                                        joined.email(),
                                        AuditAction.MEMBER_JOINED,
                                        "as " + joined.role())
                                .thenReturn(new Invitation(invitation.organisation(), joined, true))));
    }

    /** The audit log of the caller's organisation, newest first: for its administrators only. */
    public Mono<List<AuditEntry>> auditLog(String accessToken, int limit) {
        return caller(accessToken)
                .filter(caller -> caller.member().role() == OrganisationRole.ADMIN)
                .switchIfEmpty(Mono.error(() -> new RoleNeeded(OrganisationRole.ADMIN.name(), "see the audit log")))
                .flatMap(admin -> audit.latest(admin.organisation().id(), limit).collectList());
    }

    /** An invitation as its link shows it: the organisation, the role, and whether the email has an account. */
    public record Invitation(Organisation organisation, Member member, boolean accountExists) {}

    private Mono<OrganiserAccount> accountFor(String email, String password) {
        return throttle.checkAllowed(email)
                .then(accounts.findByEmail(email))
                .flatMap(existing -> signIn.verifyPassword(existing, password).thenReturn(existing))
                .switchIfEmpty(Mono.defer(() -> newAccount(email, password)));
    }

    /** An account that founded no organisation: it joins one by invitation. */
    private Mono<OrganiserAccount> newAccount(String email, String password) {
        if (password.length() < 8) {
            return Mono.error(new WeakPassword());
        }
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> accounts.insert(
                        new OrganiserAccount(UUID.randomUUID().toString(), email, hash, null, null, clock.instant())))
                // Two acceptances racing: the second signs in to the account the first created.
                .onErrorResume(DuplicateKeyException.class, raced -> accountFor(email, password));
    }

    /** Who makes a request: a member of the organisation their token names, as its document says now. */
    record Caller(Organisation organisation, Member member, String email, VerifiedAccess access) {}

    /** {@link NotAMember} when the token's organisation no longer counts its holder among its members. */
    Mono<Caller> caller(String accessToken) {
        return verifier.verifyAccess(accessToken)
                .switchIfEmpty(Mono.error(InvalidAccessToken::new))
                .flatMap(access -> members.byId(access.organisationId())
                        .flatMap(organisation -> Mono.justOrEmpty(organisation
                                .memberWithAccount(access.accountId())
                                .map(member -> new Caller(organisation, member, member.email(), access))))
                        .switchIfEmpty(Mono.error(NotAMember::new)));
    }

    private Mono<Caller> administrator(String accessToken, @Nullable String currentPassword, String action) {
        return caller(accessToken)
                .filter(caller -> caller.member().role() == OrganisationRole.ADMIN)
                .switchIfEmpty(Mono.error(() -> new RoleNeeded(OrganisationRole.ADMIN.name(), action)))
                .flatMap(admin -> confirmed(admin, accessToken, currentPassword));
    }

    private Mono<Caller> confirmed(Caller caller, String accessToken, @Nullable String currentPassword) {
        return recentSignIn
                .confirm(caller.access(), accessToken, currentPassword)
                .thenReturn(caller);
    }
}
