package org.tirelire.kit.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * How every service checks organisers' tokens itself (so a request around the gateway is refused too):
 * signed by the gateway ({@code tirelire} issuer, keys from its JWKS), or, when
 * {@code tirelire.security.oidc.issuer} names one, by an external OpenID Connect provider, whose tokens
 * must carry the {@code org} claim (ADR 13). Its keys come from {@code tirelire.security.oidc.jwk-set-uri}
 * when set (the provider's address inside the network can differ from the issuer its tokens name),
 * else from its discovery document. Expiry and issuer are checked for both.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
public class TokenVerificationConfiguration {

    private static final Duration KEY_READ_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEY_READ_TIMEOUT = Duration.ofSeconds(10);

    /** The claim every service decides ownership by; a token without it acts for no organisation. */
    static final OAuth2TokenValidator<Jwt> NAMES_AN_ORGANISATION = token -> {
        String organisation = token.getClaimAsString("org");
        return organisation == null || organisation.isBlank()
                ? OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token names no organisation", null))
                : OAuth2TokenValidatorResult.success();
    };

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder organiserTokens(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String gatewayJwks,
            @Value("${tirelire.auth.issuer:tirelire}") String gatewayIssuer,
            @Value("${tirelire.security.oidc.issuer:}") String oidcIssuer,
            @Value("${tirelire.security.oidc.jwk-set-uri:}") String oidcJwks) {
        Map<String, JwtDecoder> decoders = new LinkedHashMap<>();
        NimbusJwtDecoder gateway = NimbusJwtDecoder.withJwkSetUri(gatewayJwks)
                .restOperations(keyReader())
                .build();
        gateway.setJwtValidator(validatorFor(gatewayIssuer));
        decoders.put(gatewayIssuer, gateway);
        if (!oidcIssuer.isBlank()) {
            // Discovered on first use: a service starts even while the provider is still starting.
            decoders.put(oidcIssuer, new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder provider = oidcJwks.isBlank()
                        ? JwtDecoders.fromIssuerLocation(oidcIssuer)
                        : NimbusJwtDecoder.withJwkSetUri(oidcJwks)
                                .restOperations(keyReader())
                                .build();
                provider.setJwtValidator(validatorFor(oidcIssuer));
                return provider;
            }));
        }
        return new IssuerRoutingJwtDecoder(decoders);
    }

    /**
     * Reads the signing keys with time to answer: Nimbus's defaults (half a second to connect and to read)
     * turned the first organiser call after a restart on a busy two-core machine into an error, while the
     * gateway was still warming up. The keys are read once, then cached.
     */
    private static RestTemplate keyReader() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(KEY_READ_CONNECT_TIMEOUT);
        requests.setReadTimeout(KEY_READ_TIMEOUT);
        return new RestTemplate(requests);
    }

    private static OAuth2TokenValidator<Jwt> validatorFor(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), NAMES_AN_ORGANISATION);
    }
}
