package org.tirelire.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.identity.api.TwoFactorSetup;
import reactor.core.publisher.Mono;

/**
 * Turning on two-factor sign-in: enrol (a secret for the authenticator app and recovery codes, shown
 * once), then confirm with a first code. Enrolling asks for the password when the sign-in is old: a
 * stolen session must not put the thief's phone on the account. An organisation may require it of every
 * member; a member without it then enrols with the setup token their login answered with.
 */
@RestController
class TwoFactorController {

    private final TwoFactorSetup setup;

    TwoFactorController(TwoFactorSetup setup) {
        this.setup = setup;
    }

    /**
     * @param setupToken instead of a bearer token: the one a login answered with when the organisation
     *     requires a second factor the person does not have yet
     */
    record Enrol(
            @Nullable @Size(max = 128) String currentPassword,
            @Nullable @Size(max = 128) String setupToken) {}

    @PostMapping("/api/auth/totp/enrol")
    Mono<TwoFactorSetup.Enrolment> enrol(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable @Valid Enrol enrol) {
        if (authorization == null && enrol != null && enrol.setupToken() != null) {
            return setup.enrolWithSetupToken(enrol.setupToken());
        }
        return setup.enrol(BearerTokens.of(authorization), enrol == null ? null : enrol.currentPassword());
    }

    record Confirm(
            @NotBlank @Size(max = 16) String code,
            @Nullable @Size(max = 128) String setupToken) {}

    @PostMapping("/api/auth/totp/confirm")
    Mono<Map<String, Boolean>> confirm(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody Confirm confirm) {
        Mono<Void> confirmed = authorization == null && confirm.setupToken() != null
                ? setup.confirmWithSetupToken(confirm.setupToken(), confirm.code())
                : setup.confirm(BearerTokens.of(authorization), confirm.code());
        return confirmed.thenReturn(Map.of("enabled", true));
    }

    /** Whether the organisation requires every member to sign in with a second factor (any member may read it). */
    @GetMapping("/api/organisations/me/security")
    Mono<Security> security(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return setup.requiredByOrganisation(BearerTokens.of(authorization)).map(Security::new);
    }

    record Security(boolean twoFactorRequired) {}

    record SecurityChange(
            @NotNull Boolean twoFactorRequired,
            @Nullable @Size(max = 128) String currentPassword) {}

    /** An administrator requires a second factor of every member, or no longer. */
    @PutMapping("/api/organisations/me/security")
    Mono<Security> changeSecurity(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody SecurityChange change) {
        return setup.requireForOrganisation(
                        BearerTokens.of(authorization), change.twoFactorRequired(), change.currentPassword())
                .map(Security::new);
    }
}
