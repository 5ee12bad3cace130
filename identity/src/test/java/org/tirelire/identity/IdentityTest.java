package org.tirelire.identity;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.tirelire.testing.MutableClock;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The identity module alone on a WebFlux server, a real MongoDB-wire server and Kafka broker, as every
 * test here runs it: one configuration, so that Spring starts it once for all of them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.webflux.problemdetails.enabled=true",
            "tirelire.admin.token=" + IdentityTest.ADMIN_TOKEN,
            // bcrypt's lowest cost: these tests hash a hundred passwords, and what they check does not
            // depend on how slow each hash is.
            "tirelire.auth.password-hash-cost=4",
            // Two-factor secrets are sealed with it; any 32 bytes do for tests.
            "tirelire.auth.secrets-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
        })
@Import(IdentityTest.ControllableClock.class)
abstract class IdentityTest {

    static final String ADMIN_TOKEN = "an-administrator-s-token";

    private static final TimeBasedOneTimePasswordGenerator TOTP =
            new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));

    /** The module's clock: the system's, moved forward by the tests that need time to pass. */
    static final MutableClock clock = new MutableClock();

    @TestConfiguration
    static class ControllableClock {
        @Bean
        Clock clock() {
            return clock;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "identity-it");
    }

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** What an authenticator app with this secret shows at this instant. */
    static String authenticatorCode(String secret, Instant at) throws InvalidKeyException {
        return TOTP.generateOneTimePasswordString(
                new SecretKeySpec(new Base32().decode(secret), TOTP.getAlgorithm()), at);
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }
}
