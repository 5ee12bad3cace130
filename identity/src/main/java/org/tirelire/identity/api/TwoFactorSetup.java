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
}
