package org.tirelire.identity.account;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.TwoFactorSetup;
import org.tirelire.identity.audit.AuditLog;
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

    TwoFactorPort(TwoFactor twoFactor, AccessTokenVerifier verifier, RecentSignIn recentSignIn, AuditLog audit) {
        this.audit = audit;
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
                .map(enrolment -> new Enrolment(enrolment.secret(), enrolment.otpauthUri(), enrolment.recoveryCodes()));
    }

    @Override
    public Mono<Void> confirm(String accessToken, String code) {
        return access(accessToken)
                .flatMap(access -> twoFactor
                        .confirm(access.accountId(), code)
                        .then(audit.record(
                                access.organisationId(), access.email(), AuditAction.TWO_FACTOR_ENABLED, null)));
    }

    private Mono<VerifiedAccess> access(String accessToken) {
        return verifier.verifyAccess(accessToken).switchIfEmpty(Mono.error(InvalidAccessToken::new));
    }
}
