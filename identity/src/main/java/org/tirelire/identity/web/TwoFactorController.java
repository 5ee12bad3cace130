package org.tirelire.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.identity.account.RecentSignIn;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.token.AccessTokenVerifier;
import org.tirelire.identity.twofactor.TwoFactor;
import reactor.core.publisher.Mono;

/**
 * Turning on two-factor sign-in: enrol (a secret for the authenticator app and recovery codes, shown
 * once), then confirm with a first code. Enrolling asks for the password when the sign-in is old: a
 * stolen session must not put the thief's phone on the account.
 */
@RestController
class TwoFactorController {

    private final TwoFactor twoFactor;
    private final AccessTokenVerifier verifier;
    private final RecentSignIn recentSignIn;

    TwoFactorController(TwoFactor twoFactor, AccessTokenVerifier verifier, RecentSignIn recentSignIn) {
        this.twoFactor = twoFactor;
        this.verifier = verifier;
        this.recentSignIn = recentSignIn;
    }

    record Enrol(@Nullable @Size(max = 128) String currentPassword) {}

    @PostMapping("/api/auth/totp/enrol")
    Mono<TwoFactor.Enrolment> enrol(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable @Valid Enrol enrol) {
        String token = BearerTokens.of(authorization);
        return verifier.verifyAccess(token)
                .switchIfEmpty(Mono.error(InvalidAccessToken::new))
                .flatMap(access -> recentSignIn
                        .confirm(access, token, enrol == null ? null : enrol.currentPassword())
                        .then(twoFactor.enrol(access.accountId(), access.email())));
    }

    record Confirm(@NotBlank @Size(max = 16) String code) {}

    @PostMapping("/api/auth/totp/confirm")
    Mono<Map<String, Boolean>> confirm(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody Confirm confirm) {
        return verifier.verifyAccess(BearerTokens.of(authorization))
                .switchIfEmpty(Mono.error(InvalidAccessToken::new))
                .flatMap(access -> twoFactor.confirm(access.accountId(), confirm.code()))
                .thenReturn(Map.of("enabled", true));
    }
}
