package org.tirelire.identity.account;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tirelire.identity.AuthProperties;
import org.tirelire.identity.api.BadCredentials;
import org.tirelire.identity.api.PasswordNotConfirmed;
import org.tirelire.identity.token.VerifiedAccess;
import reactor.core.publisher.Mono;

/**
 * Whether the holder of a session may make a sensitive change (members, roles, two-factor sign-in): within
 * {@code tirelire.auth.recent-sign-in} of typing their password, the session is enough; after it, their
 * password again (ADR 21). Wrong passwords count toward the same limit as logins.
 */
@Component
public class RecentSignIn {

    private final PasswordSignIn signIn;
    private final AuthProperties properties;
    private final Clock clock;

    RecentSignIn(PasswordSignIn signIn, AuthProperties properties, Clock clock) {
        this.signIn = signIn;
        this.properties = properties;
        this.clock = clock;
    }

    /** Completes when allowed; {@link PasswordNotConfirmed} otherwise, nothing having changed. */
    public Mono<Void> confirm(VerifiedAccess access, String accessToken, @Nullable String currentPassword) {
        if (currentPassword != null && !currentPassword.isEmpty()) {
            return signIn.confirmPassword(accessToken, currentPassword)
                    .onErrorMap(
                            BadCredentials.class,
                            wrong -> new PasswordNotConfirmed("This is not your password: nothing was changed"));
        }
        if (access.authenticatedAt().plus(properties.recentSignIn()).isAfter(clock.instant())) {
            return Mono.empty();
        }
        return Mono.error(new PasswordNotConfirmed("Type your password again to make this change"));
    }
}
