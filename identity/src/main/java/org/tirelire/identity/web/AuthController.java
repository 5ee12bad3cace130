package org.tirelire.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.identity.api.AccountView;
import org.tirelire.identity.api.OrganiserSignIn;
import org.tirelire.identity.api.TokenResponse;
import org.tirelire.identity.token.SigningKeys;
import reactor.core.publisher.Mono;

@RestController
class AuthController {

    private final OrganiserSignIn signIn;
    private final SigningKeys signingKeys;

    AuthController(OrganiserSignIn signIn, SigningKeys signingKeys) {
        this.signIn = signIn;
        this.signingKeys = signingKeys;
    }

    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AccountView> signup(@Valid @RequestBody SignupRequest request) {
        return signIn.signUp(request.email(), request.password(), request.organisationName());
    }

    @PostMapping("/api/auth/login")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return signIn.logIn(request.email(), request.password(), request.organisationId(), request.code());
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {}

    /** A new access token (and refresh token) for a refresh token, which is then used up. */
    @PostMapping("/api/auth/refresh")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return signIn.refresh(request.refreshToken());
    }

    /** Ends the session the refresh token belongs to; the access token runs out by itself. */
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
        return signIn.logOut(request.refreshToken());
    }

    record PasswordCheck(@NotBlank @Size(max = 128) String password) {}

    /**
     * Whether the signed-in organiser typed their own password again: services ask before a sensitive
     * change. 204 when it is theirs; 401 otherwise (and 429 once too many attempts failed).
     */
    @PostMapping("/api/auth/password-check")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> checkPassword(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody PasswordCheck check) {
        return signIn.confirmPassword(BearerTokens.of(authorization), check.password());
    }

    /** The public keys services verify organisers' tokens with. */
    @GetMapping("/.well-known/jwks.json")
    Mono<Map<String, Object>> jwks() {
        return signingKeys.publicKeys().map(set -> set.toJSONObject(true));
    }
}
