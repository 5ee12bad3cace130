package org.tirelire.identity.api;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What the rest of the front door (the web pages) may ask of the identity module: sign organisers up,
 * in and out, and tell who an access token names. How accounts, passwords and keys are kept stays
 * inside the module.
 */
public interface OrganiserSignIn {

    /** Creates the account and its organisation; {@link EmailAlreadyRegistered} if the email has one. */
    Mono<AccountView> signUp(String email, String password, String organisationName);

    /**
     * Tokens for the right email and password; {@link BadCredentials} otherwise, and
     * {@link TooManyFailedLogins} after repeated failures, whatever the password.
     */
    default Mono<TokenResponse> logIn(String email, String password) {
        return logIn(email, password, null);
    }

    /**
     * Tokens acting for one of the person's organisations: {@code organisationId}, or the one they joined
     * first when null; {@link NotAMember} when they do not act for it (or for any).
     */
    default Mono<TokenResponse> logIn(String email, String password, @Nullable String organisationId) {
        return logIn(email, password, organisationId, null);
    }

    /**
     * The same, for an account with two-factor sign-in: {@code code} is the authenticator's current code or
     * an unused recovery code. Once the password is right, {@link TwoFactorCodeRequired} without it and
     * {@link WrongTwoFactorCode} for a wrong or reused one (counted as a failed login).
     */
    Mono<TokenResponse> logIn(String email, String password, @Nullable String organisationId, @Nullable String code);

    /** New tokens for a refresh token, which cannot be used again; {@link InvalidRefreshToken} otherwise. */
    Mono<TokenResponse> refresh(String refreshToken);

    /** The refresh token, and every one exchanged from the same login, stop working. */
    Mono<Void> logOut(String refreshToken);

    /** The organiser an access token names when one of our keys signed it and it has not expired; empty otherwise. */
    Mono<SignedInOrganiser> verify(String accessToken);

    /**
     * Completes when the password is the one of the account the access token names: a sensitive change
     * (a payment account's keys) asks for it again. {@link InvalidAccessToken} for a token that is not
     * valid, {@link BadCredentials} for another password, {@link TooManyFailedLogins} after repeated
     * failures; the failures count toward the same limit as logins.
     */
    Mono<Void> confirmPassword(String accessToken, String password);
}
