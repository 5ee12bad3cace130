package org.tirelire.identity.account;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.AuthProperties;
import org.tirelire.identity.api.AccountView;
import org.tirelire.identity.api.BadCredentials;
import org.tirelire.identity.api.EmailAlreadyRegistered;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.InvalidRefreshToken;
import org.tirelire.identity.api.OrganiserSignIn;
import org.tirelire.identity.api.SignedInOrganiser;
import org.tirelire.identity.api.TokenResponse;
import org.tirelire.identity.token.AccessTokenVerifier;
import org.tirelire.identity.token.RefreshTokens;
import org.tirelire.identity.token.TokenIssuer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Signing organisers up, in and out with an email and a password, the same for the API and the web pages. */
@Service
class PasswordSignIn implements OrganiserSignIn {

    private final OrganiserAccounts accounts;
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
            PasswordEncoder passwords,
            TokenIssuer tokens,
            AccessTokenVerifier verifier,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            AuthProperties properties,
            Clock clock) {
        this.accounts = accounts;
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
                .map(OrganiserAccount::view)
                .onErrorMap(DuplicateKeyException.class, e -> new EmailAlreadyRegistered());
    }

    @Override
    public Mono<TokenResponse> logIn(String email, String password) {
        String normalised = normalise(email);
        return throttle.checkAllowed(normalised)
                .then(accounts.findByEmail(normalised)
                        .map(account -> new Attempt(account, account.passwordHash(), password))
                        .defaultIfEmpty(new Attempt(null, noAccountHash, password)))
                .publishOn(Schedulers.boundedElastic())
                .flatMap(attempt -> attempt.succeeds(passwords)
                        ? throttle.succeeded(normalised).then(tokensFor(attempt.account(), null))
                        : throttle.failed(normalised).then(Mono.error(BadCredentials::new)));
    }

    @Override
    public Mono<TokenResponse> refresh(String refreshToken) {
        return refreshTokens
                .use(refreshToken)
                .flatMap(used -> accounts.findById(used.accountId())
                        .switchIfEmpty(Mono.error(InvalidRefreshToken::new))
                        .flatMap(account -> tokensFor(account, used.family())));
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
                .flatMap(account -> throttle.checkAllowed(account.email())
                        .then(Mono.fromCallable(() -> passwords.matches(password, account.passwordHash()))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .flatMap(matches -> matches
                                ? throttle.succeeded(account.email())
                                : throttle.failed(account.email()).then(Mono.error(BadCredentials::new))));
    }

    private Mono<TokenResponse> tokensFor(OrganiserAccount account, @Nullable String family) {
        Mono<String> refresh =
                family == null ? refreshTokens.startFamily(account.id()) : refreshTokens.issue(account.id(), family);
        return Mono.zip(
                        // Every account is still its organisation's only one, and so its administrator.
                        tokens.accessTokenFor(
                                account.id(),
                                account.organisationId(),
                                account.organisationName(),
                                account.email(),
                                OrganisationRole.ADMIN),
                        refresh)
                .map(issued -> new TokenResponse(
                        issued.getT1(),
                        "Bearer",
                        properties.accessTokenTtl().toSeconds(),
                        issued.getT2(),
                        properties.refreshTokenTtl().toSeconds()));
    }

    private static String normalise(String email) {
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
