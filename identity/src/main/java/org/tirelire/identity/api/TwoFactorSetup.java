package org.tirelire.identity.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What the web pages may ask of the identity module about the signed-in person's second factor: whether
 * it is on, a new enrolment (asks for the password when the sign-in is old: {@link PasswordNotConfirmed}),
 * and its confirmation with a first code ({@link TwoFactorNotConfirmed} for a wrong one).
 */
public interface TwoFactorSetup {

    /** What the authenticator app scans or is typed, and the recovery codes, shown once. */
    record Enrolment(String secret, String otpauthUri, List<String> recoveryCodes) {}

    Mono<Boolean> enabled(String accessToken);

    Mono<Enrolment> enrol(String accessToken, @Nullable String currentPassword);

    Mono<Void> confirm(String accessToken, String code);

    /**
     * Enrolment with the setup token a login answered with ({@link TwoFactorEnrolmentRequired}): the password
     * was just typed, so none is asked; {@link InvalidAccessToken} for an unknown or expired token.
     */
    Mono<Enrolment> enrolWithSetupToken(String setupToken);

    /** Its confirmation with a first code; the person then signs in with their password and a code. */
    Mono<Void> confirmWithSetupToken(String setupToken, String code);

    /** Whether the caller's organisation requires every member to sign in with a second factor. */
    Mono<Boolean> requiredByOrganisation(String accessToken);

    /**
     * An administrator requires it of every member, or no longer: {@link RoleNeeded} for anyone else,
     * {@link TwoFactorNeededFirst} while they have none themselves, {@link PasswordNotConfirmed} past the
     * recent sign-in.
     */
    Mono<Boolean> requireForOrganisation(String accessToken, boolean required, @Nullable String currentPassword);
}
