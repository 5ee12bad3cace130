package org.tirelire.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor sign-in over HTTP with the module's clock moved by hand: enrolment and its confirmation,
 * codes of the current and the previous step, a code never accepted twice, wrong codes counted as failed
 * logins, recovery codes that work once.
 */
class TwoFactorIntegrationTest extends IdentityTest {

    private static final String PASSWORD = "correct horse battery";

    private final String email = "treasurer-" + UUID.randomUUID() + "@example.org";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void an_authenticator_is_enrolled_with_a_first_code_and_then_asked_for_at_each_login() throws Exception {
        String token = signUpAndLogIn();

        JsonNode enrolment = enrol(token, null).getBody();
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString())
                .startsWith("otpauth://totp/Tirelire")
                .contains("secret=" + secret)
                .contains("issuer=Tirelire");
        assertThat(enrolment
                        .get("recoveryCodes")
                        .valueStream()
                        .map(JsonNode::asString)
                        .distinct())
                .hasSize(10);
        assertThat(login(null).getStatusCode().value())
                .as("not on until a first code confirms it")
                .isEqualTo(200);

        assertThat(confirm(token, "000000").getStatusCode().value()).isEqualTo(422);
        assertThat(confirm(token, authenticatorCode(secret, clock.instant()))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        ResponseEntity<JsonNode> withoutCode = login(null);
        assertThat(withoutCode.getStatusCode().value()).isEqualTo(401);
        assertThat(withoutCode.getBody().get("errors").findValuesAsString("field"))
                .containsExactly("code");

        clock.advance(Duration.ofSeconds(30));
        String current = authenticatorCode(secret, clock.instant());
        assertThat(login(current).getStatusCode().value()).isEqualTo(200);
        assertThat(login(current).getStatusCode().value())
                .as("a code works once")
                .isEqualTo(401);

        clock.advance(Duration.ofSeconds(90));
        String previousStep = authenticatorCode(secret, clock.instant().minusSeconds(30));
        assertThat(login(previousStep).getStatusCode().value())
                .as("the previous step's code, for a phone a little behind")
                .isEqualTo(200);
        assertThat(enrol(token, PASSWORD).getStatusCode().value()).isEqualTo(409);
        assertThat(mongo.getCollection("two_factor")
                        .flatMapMany(collection -> collection.find())
                        .map(Document::toJson)
                        .collectList()
                        .block()
                        .toString())
                .as("the secret is kept encrypted: a copy of the database computes no code")
                .doesNotContain(secret)
                .contains("aes-gcm:");
    }

    @Test
    void a_secret_kept_in_clear_before_secrets_were_encrypted_still_works_and_is_encrypted_at_its_next_use()
            throws Exception {
        String accountId = post(
                        "/api/auth/signup",
                        Map.of("email", email, "password", PASSWORD, "organisationName", "Les Amis du Canal"))
                .getBody()
                .get("id")
                .asString();
        String clearSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        mongo.getCollection("two_factor")
                .flatMap(collection -> Mono.from(collection.insertOne(new Document("_id", accountId)
                        .append("secret", clearSecret)
                        .append("enabledAt", java.util.Date.from(clock.instant()))
                        .append("recoveryCodeSha256", List.of())
                        .append("lastUsedStep", 0L)
                        .append("pendingRecoveryCodeSha256", List.of()))))
                .block();

        assertThat(login(authenticatorCode(clearSecret, clock.instant()))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String stored = mongo.getCollection("two_factor")
                .flatMap(collection -> Mono.from(
                        collection.find(new Document("_id", accountId)).first()))
                .block()
                .getString("secret");
        assertThat(stored).startsWith("aes-gcm:").doesNotContain(clearSecret);
        clock.advance(Duration.ofSeconds(30));
        assertThat(login(authenticatorCode(clearSecret, clock.instant()))
                        .getStatusCode()
                        .value())
                .as("the same app goes on working")
                .isEqualTo(200);
    }

    @Test
    void enrolling_needs_no_body_at_all() {
        String token = signUpAndLogIn();

        ResponseEntity<JsonNode> enrolled = http.post()
                .uri("/api/auth/totp/enrol")
                .header("Authorization", "Bearer " + token)
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(enrolled.getStatusCode().value()).isEqualTo(200);
        assertThat(enrolled.getBody().get("secret").asString()).isNotBlank();
    }

    @Test
    void wrong_codes_count_toward_the_failed_login_limit() throws Exception {
        String token = signUpAndLogIn();
        String secret = enrol(token, null).getBody().get("secret").asString();
        confirm(token, authenticatorCode(secret, clock.instant()));

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login("12345" + attempt).getStatusCode().value()).isEqualTo(401);
        }

        clock.advance(Duration.ofSeconds(30));
        assertThat(login(authenticatorCode(secret, clock.instant()))
                        .getStatusCode()
                        .value())
                .as("even the right code, past the limit")
                .isEqualTo(429);
    }

    @Test
    void a_recovery_code_opens_a_session_once() throws Exception {
        String token = signUpAndLogIn();
        JsonNode enrolment = enrol(token, null).getBody();
        confirm(token, authenticatorCode(enrolment.get("secret").asString(), clock.instant()));
        List<String> recoveryCodes = enrolment
                .get("recoveryCodes")
                .valueStream()
                .map(JsonNode::asString)
                .toList();

        assertThat(login(recoveryCodes.get(0)).getStatusCode().value()).isEqualTo(200);
        assertThat(login(recoveryCodes.get(0)).getStatusCode().value()).isEqualTo(401);
        assertThat(login(recoveryCodes.get(1).toUpperCase().replace("-", " "))
                        .getStatusCode()
                        .value())
                .as("typed as people type it")
                .isEqualTo(200);
    }

    @Test
    void enrolling_long_after_signing_in_asks_for_the_password() {
        String token = signUpAndLogIn();
        clock.advance(Duration.ofMinutes(11));

        ResponseEntity<JsonNode> refused = enrol(token, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("errors").findValuesAsString("field")).containsExactly("currentPassword");
        assertThat(enrol(token, PASSWORD).getStatusCode().value()).isEqualTo(200);
    }

    private String signUpAndLogIn() {
        post("/api/auth/signup", Map.of("email", email, "password", PASSWORD, "organisationName", "Les Amis du Canal"));
        return login(null).getBody().get("accessToken").asString();
    }

    private ResponseEntity<JsonNode> login(@Nullable String code) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "password", PASSWORD));
        if (code != null) {
            body.put("code", code);
        }
        return post("/api/auth/login", body);
    }

    private ResponseEntity<JsonNode> enrol(String token, @Nullable String currentPassword) {
        return http.post()
                .uri("/api/auth/totp/enrol")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(currentPassword == null ? Map.of() : Map.of("currentPassword", currentPassword))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> confirm(String token, String code) {
        return http.post()
                .uri("/api/auth/totp/confirm")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code))
                .retrieve()
                .toEntity(JsonNode.class);
    }
}
