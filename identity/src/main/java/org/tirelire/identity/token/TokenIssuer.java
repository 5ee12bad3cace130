package org.tirelire.identity.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.AuthProperties;
import reactor.core.publisher.Mono;

/**
 * Signs organisers' access tokens (RS256). The {@code org} claim names the organisation, so each
 * service decides ownership from the token alone.
 */
@Component
public class TokenIssuer {

    private final SigningKeys signingKeys;
    private final AuthProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeys signingKeys, AuthProperties properties, Clock clock) {
        this.signingKeys = signingKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A signed access token for an organiser's account, valid for {@code tirelire.auth.access-token-ttl},
     * stating their organisation, their role in it, and when they last typed their password
     * ({@code auth_time}, as OpenID Connect names it: sensitive changes ask for it again past a while).
     */
    public Mono<String> accessTokenFor(
            String accountId,
            String organisationId,
            String organisationName,
            String email,
            OrganisationRole role,
            Instant authenticatedAt) {
        return signingKeys.current().map(key -> {
            Instant now = clock.instant();
            JwtClaimsSet claims = JwtClaimsSet.builder()
                    .issuer(properties.issuer())
                    .subject(accountId)
                    .issuedAt(now)
                    .expiresAt(now.plus(properties.accessTokenTtl()))
                    .id(UUID.randomUUID().toString())
                    .claim("org", organisationId)
                    .claim("org_name", organisationName)
                    .claim("email", email)
                    .claim(OrganisationRole.CLAIM, role.name())
                    .claim("auth_time", authenticatedAt.getEpochSecond())
                    .build();
            JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                    .keyId(key.getKeyID())
                    .build();
            String token = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                    .encode(JwtEncoderParameters.from(header, claims))
                    .getTokenValue();
            return token;
        });
    }
}
