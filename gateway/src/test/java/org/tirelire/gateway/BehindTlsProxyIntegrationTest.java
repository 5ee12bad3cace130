package org.tirelire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestInfrastructure;

/**
 * The gateway deployed behind a TLS-terminating proxy, as its README describes: browsers that came
 * over HTTPS are told to stay on it (HSTS); nothing tells a plain-HTTP visitor to do so.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.health.mongo.enabled=false", "server.forward-headers-strategy=framework"})
class BehindTlsProxyIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gateway-tls-proxy-it");
    }

    @LocalServerPort
    int port;

    @Test
    void requests_the_proxy_received_over_https_are_answered_with_strict_transport_security() {
        ResponseEntity<String> overHttps = TestHttp.client(port)
                .get()
                .uri("/.well-known/jwks.json")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "dons.example.org")
                .retrieve()
                .toEntity(String.class);
        ResponseEntity<String> overHttp = TestHttp.client(port)
                .get()
                .uri("/.well-known/jwks.json")
                .retrieve()
                .toEntity(String.class);

        assertThat(overHttps.getHeaders().getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(overHttp.getHeaders().containsHeader("Strict-Transport-Security"))
                .isFalse();
    }
}
