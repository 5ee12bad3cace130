package org.tirelire.identity.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.api.SignedInOrganiser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Checks an access token against the keys that sign them (signature, expiry) and reads who it names. */
@Component
public class AccessTokenVerifier {

    private final ReactiveJwtDecoder decoder;

    AccessTokenVerifier(SigningKeys signingKeys) {
        this.decoder = NimbusReactiveJwtDecoder.withJwkSource(
                        jwt -> signingKeys.publicKeys().flatMapMany(keys -> Flux.fromIterable(keys.getKeys())))
                .build();
    }

    /** Empty for a token that is invalid or expired. */
    public Mono<SignedInOrganiser> verify(String accessToken) {
        return decoder.decode(accessToken)
                .map(jwt -> new SignedInOrganiser(
                        jwt.getTokenValue(),
                        jwt.getSubject(),
                        claim(jwt, "email"),
                        claim(jwt, "org_name"),
                        jwt.hasClaim(OrganisationRole.CLAIM) ? claim(jwt, OrganisationRole.CLAIM) : "ADMIN"))
                .onErrorResume(invalidOrExpired -> Mono.empty());
    }

    /**
     * The token's account and organisation, and when its holder last typed their password (long ago for a
     * token that does not say); empty for a token that is invalid or expired.
     */
    public Mono<VerifiedAccess> verifyAccess(String accessToken) {
        return decoder.decode(accessToken)
                .filter(jwt -> !claim(jwt, "org").isEmpty())
                .map(jwt -> new VerifiedAccess(
                        jwt.getSubject(),
                        claim(jwt, "org"),
                        claim(jwt, "email"),
                        jwt.hasClaim("auth_time") ? jwt.getClaimAsInstant("auth_time") : Instant.EPOCH))
                .onErrorResume(invalidOrExpired -> Mono.empty());
    }

    private static String claim(Jwt jwt, String name) {
        @Nullable String value = jwt.getClaimAsString(name);
        return value == null ? "" : value;
    }
}
