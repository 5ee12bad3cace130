package org.tirelire.gateway.auth;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class AuthController {

    private final OrganiserAccounts accounts;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final SigningKeys signingKeys;
    private final Clock clock;

    AuthController(
            OrganiserAccounts accounts,
            PasswordEncoder passwords,
            TokenIssuer tokens,
            SigningKeys signingKeys,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.signingKeys = signingKeys;
        this.clock = clock;
    }

    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AccountView> signup(@Valid @RequestBody SignupRequest request) {
        String email = normalise(request.email());
        // Hashing is deliberately slow: keep it off the event loop.
        return Mono.fromCallable(() -> passwords.encode(request.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> accounts.insert(new OrganiserAccount(
                        UUID.randomUUID().toString(),
                        email,
                        hash,
                        UUID.randomUUID().toString(),
                        request.organisationName().strip(),
                        clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> new EmailAlreadyRegistered())
                .map(AccountView::of);
    }

    @PostMapping("/api/auth/login")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return accounts.findByEmail(normalise(request.email()))
                .publishOn(Schedulers.boundedElastic())
                .filter(account -> passwords.matches(request.password(), account.passwordHash()))
                .switchIfEmpty(Mono.error(BadCredentials::new))
                .flatMap(tokens::issueFor);
    }

    /** The public keys services verify organisers' tokens with. */
    @GetMapping("/.well-known/jwks.json")
    Mono<Map<String, Object>> jwks() {
        return signingKeys.publicKeys().map(set -> set.toJSONObject(true));
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
