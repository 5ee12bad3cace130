package org.tirelire.identity.account;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.TwoFactorSetup;
import org.tirelire.identity.audit.AuditLog;
import org.tirelire.identity.organisation.Organisation;
import org.tirelire.identity.token.AccessTokenVerifier;
import org.tirelire.identity.token.VerifiedAccess;
import org.tirelire.identity.twofactor.TwoFactor;
import reactor.core.publisher.Mono;

/**
 * The signed-in person's second factor, for the API and the web pages alike. Enrolling asks for the
 * password when the sign-in is old: a stolen session must not put the thief's phone on the account.
 */
@Component
class TwoFactorPort implements TwoFactorSetup {

    private final TwoFactor twoFactor;
    private final AccessTokenVerifier verifier;
    private final RecentSignIn recentSignIn;
    private final AuditLog audit;
    private final OrganiserAccounts accounts;
    private final Memberships memberships;

    TwoFactorPort(
            TwoFactor twoFactor,
            AccessTokenVerifier verifier,
            RecentSignIn recentSignIn,
            AuditLog audit,
            OrganiserAccounts accounts,
            Memberships memberships) {
        this.audit = audit;
        this.accounts = accounts;
        this.memberships = memberships;
        this.twoFactor = twoFactor;
        this.verifier = verifier;
        this.recentSignIn = recentSignIn;
    }

    @Override
    public Mono<Boolean> enabled(String accessToken) {
        return access(accessToken).flatMap(access -> twoFactor.enabledFor(access.accountId()));
    }

    @Override
    public Mono<Enrolment> enrol(String accessToken, @Nullable String currentPassword) {
        return access(accessToken)
                .flatMap(access -> recentSignIn
                        .confirm(access, accessToken, currentPassword)
                        .then(twoFactor.enrol(access.accountId(), access.email())))
                .map(TwoFactorPort::shown);
    }

    @Override
    public Mono<Void> confirm(String accessToken, String code) {
        return access(accessToken)
                .flatMap(access -> twoFactor
                        .confirm(access.accountId(), code)
                        .then(audit.record(
                                access.organisationId(), access.email(), AuditAction.TWO_FACTOR_ENABLED, null)));
    }

    @Override
    public Mono<Enrolment> enrolWithSetupToken(String setupToken) {
        return twoFactor
                .ticket(setupToken)
                .flatMap(this::accountOf)
                .flatMap(account -> twoFactor.enrol(account.id(), account.email()))
                .map(TwoFactorPort::shown);
    }

    @Override
    public Mono<Void> confirmWithSetupToken(String setupToken, String code) {
        return twoFactor
                .ticket(setupToken)
                .flatMap(ticket -> accountOf(ticket)
                        .flatMap(account -> twoFactor
                                .confirm(account.id(), code)
                                .then(audit.record(
                                        ticket.organisationId(),
                                        account.email(),
                                        AuditAction.TWO_FACTOR_ENABLED,
                                        null))));
    }

    @Override
    public Mono<Boolean> requiredByOrganisation(String accessToken) {
        return memberships.organisationOf(accessToken).map(Organisation::twoFactorRequired);
    }

    @Override
    public Mono<Boolean> requireForOrganisation(
            String accessToken, boolean required, @Nullable String currentPassword) {
        return memberships.requireTwoFactor(accessToken, required, currentPassword);
    }

    /** An enrolment as the port shows it. */
    private static Enrolment shown(TwoFactor.Enrolment enrolment) {
        return new Enrolment(enrolment.secret(), enrolment.otpauthUri(), enrolment.recoveryCodes());
    }

    private Mono<OrganiserAccount> accountOf(TwoFactor.SetupTicket ticket) {
        return accounts.findById(ticket.accountId()).switchIfEmpty(Mono.error(InvalidAccessToken::new));
    }

    private Mono<VerifiedAccess> access(String accessToken) {
        return verifier.verifyAccess(accessToken).switchIfEmpty(Mono.error(InvalidAccessToken::new));
    }
}
