package org.tirelire.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Organiser access tokens for service tests, signed like the gateway signs them (RS256, with an
 * {@code org} claim) and verified by the service through a real JWKS endpoint, so the tests exercise
 * the same validation path as production.
 */
public final class TestTokens {

    public static final String ISSUER = "tirelire";

    private static RSAKey signingKey;
    private static String jwksUri;

    private TestTokens() {}

    public static void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> jwksUri);
    }

    /** A valid bearer token for an organiser of {@code organisationId}. */
    public static String forOrganisation(String organisationId) {
        return sign(organisationId, null, Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** A valid bearer token for a member of {@code organisationId} with this role ({@code ADMIN}, {@code TREASURER}…). */
    public static String forMember(String organisationId, String role) {
        return sign(organisationId, role, Instant.now().plus(Duration.ofMinutes(15)));
    }

    public static String expiredForOrganisation(String organisationId) {
        return sign(organisationId, null, Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static synchronized String sign(String organisationId, String role, Instant expiresAt) {
        start();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("organiser-" + organisationId)
                .claim("org", organisationId)
                .claim("org_name", "Organisation " + organisationId)
                .claim("email", "organiser@" + organisationId + ".example.org")
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        if (role != null) {
            claims.claim("role", role);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private static synchronized void start() {
        if (signingKey != null) {
            return;
        }
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Cannot start the test JWKS endpoint", e);
        }
    }
}
