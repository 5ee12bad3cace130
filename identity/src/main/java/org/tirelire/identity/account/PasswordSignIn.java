package org.tirelire.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.identity.AuthProperties;
import org.tirelire.identity.api.AccountView;
import org.tirelire.identity.api.BadCredentials;
import org.tirelire.identity.api.EmailAlreadyRegistered;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.InvalidRefreshToken;
import org.tirelire.identity.api.NotAMember;
import org.tirelire.identity.api.OrganiserSignIn;
import org.tirelire.identity.api.SignedInOrganiser;
import org.tirelire.identity.api.TokenResponse;
import org.tirelire.identity.api.TwoFactorEnrolmentRequired;
import org.tirelire.identity.api.WrongTwoFactorCode;
import org.tirelire.identity.audit.AuditLog;
import org.tirelire.identity.organisation.Member;
import org.tirelire.identity.organisation.Organisation;
import org.tirelire.identity.organisation.OrganisationMembers;
import org.tirelire.identity.token.AccessTokenVerifier;
import org.tirelire.identity.token.RefreshTokens;
import org.tirelire.identity.token.TokenIssuer;
import org.tirelire.identity.twofactor.TwoFactor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Signing organisers up, in and out with an email and a password, the same for the API and the web pages. */
@Service
class PasswordSignIn implements OrganiserSignIn {

    private final OrganiserAccounts accounts;
    private final OrganisationMembers members;
    private final TwoFactor twoFactor;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final AccessTokenVerifier verifier;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final AuthProperties properties;
    private final Clock clock;
    /** Checked when the email has no account, so that the answer takes as long as for a wrong password. */
    private final String noAccountHash;

    PasswordSignIn(
            OrganiserAccounts accounts,
            OrganisationMembers members,
            TwoFactor twoFactor,
            AuditLog audit,
            PasswordEncoder passwords,
            TokenIssuer tokens,
            AccessTokenVerifier verifier,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            AuthProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.members = members;
        this.twoFactor = twoFactor;
        this.audit = audit;
        this.passwords = passwords;
        this.tokens = tokens;
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.noAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public Mono<AccountView> signUp(String email, String password, String organisationName) {
        // Hashing is deliberately slow: keep it off the event loop.
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> accounts.insert(new OrganiserAccount(
                        UUID.randomUUID().toString(),
                        normalise(email),
                        hash,
                        UUID.randomUUID().toString(),
                        organisationName.strip(),
                        clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> new EmailAlreadyRegistered())
                .flatMap(account -> foundedBy(account).thenReturn(account.view()));
    }

    @Override
    public Mono<TokenResponse> logIn(
            String email, String password, @Nullable String organisationId, @Nullable String code) {
        String normalised = normalise(email);
        return throttle.checkAllowed(normalised)
                .then(accounts.findByEmail(normalised)
                        .map(account -> new Attempt(account, account.passwordHash(), password))
                        .defaultIfEmpty(new Attempt(null, noAccountHash, password)))
                .publishOn(Schedulers.boundedElastic())
                .flatMap(attempt -> attempt.succeeds(passwords)
                        ? secondFactor(attempt.account(), normalised, code)
                                .then(throttle.succeeded(normalised))
                                .then(signedIn(attempt.account(), organisationId))
                        : throttle.failed(normalised)
                                // Written aside, not before answering: an unknown email has no log to write
                                // to, and the answer must take as long for it as for a wrong password.
                                .doOnSuccess(counted -> failedLogin(attempt.account(), "wrong password")
                                        .subscribe())
                                .then(Mono.error(BadCredentials::new)));
    }

    /** Told to the audit log of each organisation the account acts for; an unknown email has none. */
    private Mono<Void> failedLogin(@Nullable OrganiserAccount account, String why) {
        Instant at = clock.instant();
        return account == null
                ? Mono.empty()
                : organisationsOf(account)
                        .flatMap(organisation ->
                                audit.record(organisation.id(), account.email(), AuditAction.LOGIN_FAILED, why, at))
                        .then();
    }

    /** The authenticator's code, once the password is right; a wrong one counts as a failed login. */
    private Mono<Void> secondFactor(OrganiserAccount account, String email, @Nullable String code) {
        return twoFactor
                .check(account.id(), code)
                .onErrorResume(
                        WrongTwoFactorCode.class,
                        wrong -> throttle.failed(email)
                                .then(failedLogin(account, "wrong two-factor code"))
                                .then(Mono.error(wrong)));
    }

    /**
     * A session for one of the organisations the person acts for: the one asked for, or else the one they
     * joined first (the one they founded, for most).
     */
    private Mono<TokenResponse> signedIn(OrganiserAccount account, @Nullable String organisationId) {
        return organisationsOf(account)
                .filter(organisation ->
                        organisationId == null || organisation.id().equals(organisationId))
                .next()
                .switchIfEmpty(Mono.error(NotAMember::new))
                .flatMap(organisation -> secondFactorIfRequired(account, organisation)
                        .then(audit.record(organisation.id(), account.email(), AuditAction.LOGIN, null))
                        .then(tokensFor(account, organisation, null, clock.instant())));
    }

    /**
     * An organisation that requires a second factor signs in no member without one: the answer carries a
     * setup token to enrol with, after which the person signs in again with a code.
     */
    private Mono<Void> secondFactorIfRequired(OrganiserAccount account, Organisation organisation) {
        if (!organisation.twoFactorRequired()) {
            return Mono.empty();
        }
        return twoFactor
                .enabledFor(account.id())
                .flatMap(enabled -> enabled
                        ? Mono.empty()
                        : twoFactor
                                .setupTicket(account.id(), organisation.id())
                                .flatMap(token ->
                                        Mono.error(new TwoFactorEnrolmentRequired(token, TwoFactor.SETUP_TICKET_TTL))));
    }

    /**
     * The organisations the account acts for. An account from before organisations had members has its
     * organisation founded here, as at sign-up (also the repair of a sign-up stopped between its two writes).
     */
    Flux<Organisation> organisationsOf(OrganiserAccount account) {
        return members.of(account.id())
                .switchIfEmpty(Flux.defer(() -> account.organisationId() == null
                        ? Flux.empty()
                        : members.byId(account.organisationId())
                                .hasElement()
                                .flatMapMany(exists -> exists
                                        ? Flux.empty()
                                        : foundedBy(account).flux())));
    }

    Mono<Organisation> foundedBy(OrganiserAccount account) {
        return members.found(account.organisationId(), account.organisationName(), account.id(), account.email());
    }

    @Override
    public Mono<TokenResponse> refresh(String refreshToken) {
        return refreshTokens
                .use(refreshToken)
                .flatMap(used -> accounts.findById(used.accountId())
                        .switchIfEmpty(Mono.error(InvalidRefreshToken::new))
                        .flatMap(account -> members.byId(
                                        used.organisationId() == null
                                                ? account.organisationId()
                                                : used.organisationId())
                                // Still a member, in the role they have now.
                                .filter(organisation -> organisation
                                        .memberWithAccount(account.id())
                                        .isPresent())
                                .switchIfEmpty(Mono.error(InvalidRefreshToken::new))
                                .flatMap(organisation -> tokensFor(
                                        account,
                                        organisation,
                                        used.family(),
                                        used.authenticatedAt() == null ? Instant.EPOCH : used.authenticatedAt()))));
    }

    @Override
    public Mono<Void> logOut(String refreshToken) {
        return refreshTokens.revokeFamilyOf(refreshToken);
    }

    @Override
    public Mono<SignedInOrganiser> verify(String accessToken) {
        return verifier.verify(accessToken);
    }

    @Override
    public Mono<Void> confirmPassword(String accessToken, String password) {
        return verifier.verify(accessToken)
                .switchIfEmpty(Mono.error(InvalidAccessToken::new))
                .flatMap(signedIn -> accounts.findById(signedIn.accountId()))
                .switchIfEmpty(Mono.error(InvalidAccessToken::new))
                .flatMap(account -> throttle.checkAllowed(account.email()).then(verifyPassword(account, password)));
    }

    /**
     * Completes when the password is the account's, {@link BadCredentials} otherwise; either way the attempt
     * counts for the failed-login limit. The hash is checked off the event loop: bcrypt is slow on purpose.
     */
    Mono<Void> verifyPassword(OrganiserAccount account, String password) {
        return Mono.fromCallable(() -> passwords.matches(password, account.passwordHash()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(matches -> matches
                        ? throttle.succeeded(account.email())
                        : throttle.failed(account.email()).then(Mono.error(BadCredentials::new)));
    }

    /**
     * @param family the session's, when it goes on; null for a new login
     * @param authenticatedAt when the password was last typed in this session
     */
    private Mono<TokenResponse> tokensFor(
            OrganiserAccount account, Organisation organisation, @Nullable String family, Instant authenticatedAt) {
        Member member = organisation.memberWithAccount(account.id()).orElseThrow(NotAMember::new);
        Mono<String> refresh = family == null
                ? refreshTokens.startFamily(account.id(), organisation.id())
                : refreshTokens.issue(account.id(), organisation.id(), family, authenticatedAt);
        return Mono.zip(
                        tokens.accessTokenFor(
                                account.id(),
                                organisation.id(),
                                organisation.name(),
                                account.email(),
                                member.role(),
                                authenticatedAt),
                        refresh)
                .map(issued -> new TokenResponse(
                        issued.getT1(),
                        "Bearer",
                        properties.accessTokenTtl().toSeconds(),
                        issued.getT2(),
                        properties.refreshTokenTtl().toSeconds()));
    }

    /** Emails are compared as typed, less surrounding spaces and capitals. */
    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Checks the hash even without an account: the time taken tells nothing. */
    private record Attempt(@Nullable OrganiserAccount account, String hash, String password) {

        boolean succeeds(PasswordEncoder passwords) {
            boolean matches = passwords.matches(password, hash);
            return account != null && matches;
        }
    }
}
