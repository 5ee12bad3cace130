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
import org.tirelire.identity.api.TwoFactorSetup;
import reactor.core.publisher.Mono;

/**
 * Turning on two-factor sign-in: enrol (a secret for the authenticator app and recovery codes, shown
 * once), then confirm with a first code. Enrolling asks for the password when the sign-in is old: a
 * stolen session must not put the thief's phone on the account.
 */
@RestController
class TwoFactorController {

    private final TwoFactorSetup setup;

    TwoFactorController(TwoFactorSetup setup) {
        this.setup = setup;
    }

    record Enrol(@Nullable @Size(max = 128) String currentPassword) {}

    @PostMapping("/api/auth/totp/enrol")
    Mono<TwoFactorSetup.Enrolment> enrol(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable @Valid Enrol enrol) {
        return setup.enrol(BearerTokens.of(authorization), enrol == null ? null : enrol.currentPassword());
    }

    record Confirm(@NotBlank @Size(max = 16) String code) {}

    @PostMapping("/api/auth/totp/confirm")
    Mono<Map<String, Boolean>> confirm(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody Confirm confirm) {
        return setup.confirm(BearerTokens.of(authorization), confirm.code()).thenReturn(Map.of("enabled", true));
    }
}
