package org.tirelire.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Organiser sign-up, login, refresh tokens and key rotation over HTTP, on a real MongoDB-wire server. */
class IdentityIntegrationTest extends IdentityTest {

    private final String email = "treasurer-" + UUID.randomUUID() + "@example.org";

    @Test
    void an_organiser_signs_up_and_logs_in_with_a_token_the_published_keys_verify() throws Exception {
        ResponseEntity<JsonNode> signup = post(
                "/api/auth/signup",
                Map.of("email", email, "password", "correct horse battery", "organisationName", "Les Amis du Canal"));
        assertThat(signup.getStatusCode().value()).isEqualTo(201);
        assertThat(signup.getBody().toString()).doesNotContain("correct horse");

        ResponseEntity<JsonNode> login =
                post("/api/auth/login", Map.of("email", email.toUpperCase(), "password", "correct horse battery"));
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.getBody().get("expiresIn").asLong()).isPositive();

        SignedJWT token = SignedJWT.parse(login.getBody().get("accessToken").asString());
        String jwks = http.get().uri("/.well-known/jwks.json").retrieve().body(String.class);
        RSAKey publicKey =
                JWKSet.parse(jwks).getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
        assertThat(publicKey.isPrivate())
                .as("the JWKS publishes public keys only")
                .isFalse();
        assertThat(token.verify(new RSASSAVerifier(publicKey))).isTrue();
        assertThat(token.getJWTClaimsSet().getStringClaim("org"))
                .isEqualTo(signup.getBody().get("organisationId").asString());
        assertThat(token.getJWTClaimsSet().getStringClaim("role"))
                .as("who signs an organisation up administers it")
                .isEqualTo("ADMIN");
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isAfter(new java.util.Date());
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_refusal() {
        post("/api/auth/signup", Map.of("email", email, "password", "correct horse battery", "organisationName", "A"));

        ResponseEntity<JsonNode> wrongPassword =
                post("/api/auth/login", Map.of("email", email, "password", "wrong password"));
        ResponseEntity<JsonNode> unknown =
                post("/api/auth/login", Map.of("email", "nobody@example.org", "password", "whatever1"));

        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(unknown.getStatusCode().value()).isEqualTo(401);
        assertThat(wrongPassword.getBody().get("detail"))
                .isEqualTo(unknown.getBody().get("detail"));
    }

    @Test
    void an_email_registers_only_once() {
        Map<String, String> body = Map.of("email", email, "password", "correct horse battery", "organisationName", "A");
        post("/api/auth/signup", body);

        ResponseEntity<JsonNode> again = post("/api/auth/signup", body);

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    @Test
    void invalid_sign_up_fields_are_each_named() {
        ResponseEntity<JsonNode> response =
                post("/api/auth/signup", Map.of("email", "not-an-email", "password", "short", "organisationName", ""));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "password", "organisationName");
    }

    @Test
    void a_refresh_token_gives_new_tokens_once_and_its_reuse_ends_the_session() {
        post("/api/auth/signup", Map.of("email", email, "password", "correct horse battery", "organisationName", "A"));
        JsonNode login = post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .getBody();
        String first = login.get("refreshToken").asString();
        assertThat(login.get("refreshExpiresIn").asLong())
                .isGreaterThan(login.get("expiresIn").asLong());

        ResponseEntity<JsonNode> refreshed = post("/api/auth/refresh", Map.of("refreshToken", first));
        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        String second = refreshed.getBody().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.getBody().get("accessToken").asString()).isNotBlank();

        // The first token, copied and used again: the whole session ends, the second token too.
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", first))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", second))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void logging_out_ends_the_refresh_token() {
        post("/api/auth/signup", Map.of("email", email, "password", "correct horse battery", "organisationName", "A"));
        String refresh = post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .getBody()
                .get("refreshToken")
                .asString();

        assertThat(post("/api/auth/logout", Map.of("refreshToken", refresh))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", refresh))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void repeated_failed_logins_lock_the_account_for_a_while_whatever_the_password() {
        post("/api/auth/signup", Map.of("email", email, "password", "correct horse battery", "organisationName", "A"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(post("/api/auth/login", Map.of("email", email, "password", "guess number " + attempt))
                            .getStatusCode()
                            .value())
                    .isEqualTo(401);
        }

        ResponseEntity<JsonNode> right =
                post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"));

        assertThat(right.getStatusCode().value()).isEqualTo(429);
        assertThat(Long.parseLong(right.getHeaders().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(right.getBody().get("detail").asString()).contains("Too many failed logins");
        // Another organiser's logins are not affected.
        String other = "other-" + UUID.randomUUID() + "@example.org";
        post("/api/auth/signup", Map.of("email", other, "password", "correct horse battery", "organisationName", "B"));
        assertThat(post("/api/auth/login", Map.of("email", other, "password", "correct horse battery"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void a_rotated_key_signs_new_tokens_while_the_old_one_still_verifies_the_tokens_it_signed() throws Exception {
        post("/api/auth/signup", Map.of("email", email, "password", "correct horse battery", "organisationName", "A"));
        SignedJWT before =
                SignedJWT.parse(post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"))
                        .getBody()
                        .get("accessToken")
                        .asString());

        assertThat(http.post()
                        .uri("/api/admin/signing-keys/rotate")
                        .header("X-Admin-Token", "wrong")
                        .retrieve()
                        .onStatus(status -> true, (request, response) -> {})
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        String newKeyId = http.post()
                .uri("/api/admin/signing-keys/rotate")
                .header("X-Admin-Token", ADMIN_TOKEN)
                .retrieve()
                .body(JsonNode.class)
                .get("signingKeyId")
                .asString();

        SignedJWT after =
                SignedJWT.parse(post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"))
                        .getBody()
                        .get("accessToken")
                        .asString());
        assertThat(after.getHeader().getKeyID())
                .isEqualTo(newKeyId)
                .isNotEqualTo(before.getHeader().getKeyID());
        JWKSet published =
                JWKSet.parse(http.get().uri("/.well-known/jwks.json").retrieve().body(String.class));
        assertThat(before.verify(new RSASSAVerifier(
                        published.getKeyByKeyId(before.getHeader().getKeyID()).toRSAKey())))
                .isTrue();
        assertThat(after.verify(
                        new RSASSAVerifier(published.getKeyByKeyId(newKeyId).toRSAKey())))
                .isTrue();
    }

    @Test
    void a_sensitive_change_can_ask_the_signed_in_organiser_for_their_password_again() {
        post("/api/auth/signup", Map.of("email", email, "password", "correct horse battery", "organisationName", "A"));
        String token = post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .getBody()
                .get("accessToken")
                .asString();

        assertThat(passwordCheck(token, "correct horse battery").getStatusCode().value())
                .isEqualTo(204);
        assertThat(passwordCheck(token, "not my password").getStatusCode().value())
                .isEqualTo(401);
        assertThat(passwordCheck("not-a-token", "correct horse battery")
                        .getStatusCode()
                        .value())
                .as("a token that is not ours")
                .isEqualTo(401);
        for (int attempt = 2; attempt <= 5; attempt++) {
            passwordCheck(token, "guess " + attempt);
        }
        assertThat(passwordCheck(token, "correct horse battery").getStatusCode().value())
                .as("guesses count toward the same limit as logins")
                .isEqualTo(429);
    }

    private ResponseEntity<JsonNode> passwordCheck(String token, String password) {
        return http.post()
                .uri("/api/auth/password-check")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("password", password))
                .retrieve()
                .toEntity(JsonNode.class);
    }
}
