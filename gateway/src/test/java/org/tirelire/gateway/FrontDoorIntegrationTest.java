package org.tirelire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's own protections, with campaign- and donation-service out of reach: limits, fallbacks,
 * headers. In notification-service's place, a socket that resets a request's first connection, which no
 * real service does on demand. It runs as deployed behind a TLS-terminating proxy (as its README
 * describes), which changes nothing for a visitor who comes without the proxy's headers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=framework",
            "management.server.port=0",
            "tirelire.rate-limits.limits.signups.capacity=3",
            "tirelire.rate-limits.limits.signups.per-minute=1"
        })
class FrontDoorIntegrationTest {

    private static final int NOTHING_LISTENS = closedPort();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gateway-front-door-it");
        registry.add("tirelire.services.campaign-uri", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
        registry.add("tirelire.services.donation-uri", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
        registry.add("tirelire.services.notification-uri", () -> "http://127.0.0.1:" + RESETS_FIRST_ATTEMPT.port());
    }

    private static final ResetsFirstAttempt RESETS_FIRST_ATTEMPT = ResetsFirstAttempt.start();

    @AfterAll
    static void stopTheStandIn() throws IOException {
        RESETS_FIRST_ATTEMPT.stop();
    }

    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void client() {
        http = TestHttp.client(port);
    }

    @Test
    void a_service_that_is_down_gives_a_problem_naming_it_not_a_stack_trace() {
        ResponseEntity<JsonNode> campaigns =
                http.get().uri("/api/campaigns?status=LIVE").retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> donation = http.post()
                .uri("/api/donations")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("campaignId", "x"))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(campaigns.getStatusCode().value()).isEqualTo(503);
        assertThat(campaigns.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(campaigns.getBody().get("service").asString()).isEqualTo("campaign-service");
        assertThat(campaigns.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(donation.getStatusCode().value()).isEqualTo(503);
        assertThat(donation.getBody().get("service").asString()).isEqualTo("donation-service");
    }

    @Test
    void a_write_with_an_idempotency_key_whose_connection_was_reset_is_sent_again_with_its_own_body() {
        String key = UUID.randomUUID().toString();
        String body = "{\"displayName\":\"Course de Léa\",\"goal\":{\"amount\":50000,\"currency\":\"EUR\"},\"key\":\""
                + key + "\"}";

        ResponseEntity<String> created = http.post()
                .uri("/api/campaigns/c1/fundraisers")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(RESETS_FIRST_ATTEMPT.bodiesReceived(key)).containsExactly(body, body);
    }

    @Test
    void repeated_sign_ups_from_one_address_are_slowed_down_with_retry_after() {
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 5; i++) {
            ResponseEntity<JsonNode> response = http.post()
                    .uri("/api/auth/signup")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "email", "flood-" + UUID.randomUUID() + "@example.org",
                            "password", "une phrase de passe",
                            "organisationName", "Flood"))
                    .retrieve()
                    .toEntity(JsonNode.class);
            if (response.getStatusCode().value() == 429) {
                refused++;
                retryAfter = response.getHeaders().getFirst("Retry-After");
                assertThat(response.getBody().get("title").asString()).isEqualTo("Too many requests");
                // Refused after the security chain: the refusal carries its headers like any answer.
                assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
                assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                        .contains("frame-ancestors 'none'");
            }
        }

        assertThat(refused).isEqualTo(2);
        assertThat(Integer.parseInt(retryAfter)).isPositive();
    }

    @Test
    void an_oversized_body_is_refused_before_it_reaches_a_service() {
        ResponseEntity<String> response = http.post()
                .uri("/api/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"story\":\"" + "x".repeat(200_000) + "\"}")
                .retrieve()
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void the_embedded_giving_form_is_taken_without_a_csrf_token_only_from_this_platform_s_own_frame() {
        ResponseEntity<String> fromAnotherSite = http.post()
                .uri("/embed/campaigns/peniche/give")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Origin", "https://hostile.example")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("amount=2000")
                .retrieve()
                .toEntity(String.class);
        ResponseEntity<String> fromTheFrame = http.post()
                .uri("/embed/campaigns/peniche/give")
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("amount=2000")
                .retrieve()
                .toEntity(String.class);
        ResponseEntity<String> anotherPageForm = http.post()
                .uri("/campaigns/peniche/give")
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("amount=2000")
                .retrieve()
                .toEntity(String.class);

        assertThat(fromAnotherSite.getStatusCode().value())
                .as("a forged gift from another site")
                .isEqualTo(403);
        assertThat(fromTheFrame.getStatusCode().value())
                .as("past the CSRF check: the campaign is asked for")
                .isNotEqualTo(403);
        assertThat(anotherPageForm.getStatusCode().value())
                .as("every other page form still needs its token")
                .isEqualTo(403);
    }

    @Test
    void responses_carry_security_headers_and_a_correlation_id() {
        ResponseEntity<String> response =
                http.get().uri("/.well-known/jwks.json").retrieve().toEntity(String.class);

        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().get("X-Correlation-Id")).hasSize(1);
    }

    @LocalManagementPort
    int managementPort;

    @Test
    void actuator_endpoints_other_than_health_are_not_public() {
        assertThat(http.get()
                        .uri("/actuator/health/readiness")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.get()
                        .uri("/actuator/env")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isIn(401, 403, 404);
        assertThat(http.get()
                        .uri("/actuator/prometheus")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isIn(401, 403, 404);
        // The figures are read on the management port (loopback): refusals of the rate limits among them.
        String figures = TestHttp.client(managementPort)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
        assertThat(figures)
                .contains("tirelire_rate_limit_refusals_total{application=\"gateway\",limit=\"signups\"}")
                .contains("http_server_requests_seconds_count");
    }

    @Test
    void requests_the_proxy_received_over_https_are_answered_with_strict_transport_security() {
        ResponseEntity<String> overHttps = http.get()
                .uri("/.well-known/jwks.json")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "dons.example.org")
                .retrieve()
                .toEntity(String.class);
        ResponseEntity<String> overHttp =
                http.get().uri("/.well-known/jwks.json").retrieve().toEntity(String.class);

        assertThat(overHttps.getHeaders().getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(overHttp.getHeaders().containsHeader("Strict-Transport-Security"))
                .isFalse();
    }

    /**
     * Answers 201 to every request but the first with a given Idempotency-Key, whose connection it resets
     * once the request is read: the gift sent on a pooled connection to an instance that has just died.
     */
    private record ResetsFirstAttempt(ServerSocket socket, Map<String, List<String>> bodies) {

        static ResetsFirstAttempt start() {
            try {
                ResetsFirstAttempt service = new ResetsFirstAttempt(
                        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), new ConcurrentHashMap<>());
                Thread serving = new Thread(service::serve, "resets-first-attempt");
                serving.setDaemon(true);
                serving.start();
                return service;
            } catch (IOException cannotListen) {
                throw new UncheckedIOException(cannotListen);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> bodiesReceived(String key) {
            return bodies.getOrDefault(key, List.of());
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connection.setSoTimeout(10_000); // a connection the gateway keeps idle does not hold the others
                    answer(connection);
                } catch (IOException | RuntimeException nextOne) {
                    // the gateway went away, or sent what this stand-in does not read: on to the next connection
                }
            }
        }

        void stop() throws IOException {
            socket.close();
        }

        private void answer(Socket connection) throws IOException {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            Map<String, String> headers = new HashMap<>();
            String line = readLine(in); // the request line
            while (!(line = readLine(in)).isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
            in.readFully(body);
            String key = headers.getOrDefault("idempotency-key", "");
            List<String> received = bodies.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
            received.add(new String(body, StandardCharsets.UTF_8));
            if (received.size() == 1) {
                connection.setSoLinger(true, 0); // close with a reset, as a process that died
                return;
            }
            connection
                    .getOutputStream()
                    .write(
                            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                                    .getBytes(StandardCharsets.US_ASCII));
        }

        private static String readLine(DataInputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("connection closed in the headers");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
