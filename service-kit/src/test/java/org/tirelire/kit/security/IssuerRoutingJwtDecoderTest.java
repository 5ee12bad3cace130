package org.tirelire.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class IssuerRoutingJwtDecoderTest {

    private static final String GATEWAY = "tirelire";
    private static final String KEYCLOAK = "https://auth.example.org/realms/tirelire";

    private final RSAKey gatewayKey = key("gateway");
    private final RSAKey keycloakKey = key("keycloak");
    private final IssuerRoutingJwtDecoder decoder = new IssuerRoutingJwtDecoder(Map.of(
            GATEWAY, decoderFor(gatewayKey, GATEWAY),
            KEYCLOAK, decoderFor(keycloakKey, KEYCLOAK)));

    @Test
    void tokens_of_each_trusted_issuer_are_verified_with_that_issuer_s_keys() {
        assertThat(decoder.decode(token(gatewayKey, GATEWAY, "org-1")).getClaimAsString("org"))
                .isEqualTo("org-1");
        assertThat(decoder.decode(token(keycloakKey, KEYCLOAK, "org-2")).getClaimAsString("org"))
                .isEqualTo("org-2");
    }

    @Test
    void a_token_claiming_a_trusted_issuer_but_signed_by_another_is_refused() {
        assertThatThrownBy(() -> decoder.decode(token(keycloakKey, GATEWAY, "org-1")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void tokens_of_unknown_issuers_or_without_an_organisation_are_refused() {
        assertThatThrownBy(() -> decoder.decode(token(key("attacker"), "https://evil.example", "org-1")))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("not trusted");
        assertThatThrownBy(() -> decoder.decode(token(keycloakKey, KEYCLOAK, null)))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("names no organisation");
        assertThatThrownBy(() -> decoder.decode("not-a-jwt")).isInstanceOf(JwtException.class);
    }

    private static NimbusJwtDecoder decoderFor(RSAKey key, String issuer) {
        try {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(issuer),
                    TokenVerificationConfiguration.NAMES_AN_ORGANISATION));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(RSAKey key, String issuer, String organisation) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("someone")
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
            if (organisation != null) {
                claims.claim("org", organisation);
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
