package org.tirelire.donation.identity;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks the identity module whether the signed-in organiser typed their own password again, before a
 * change whoever holds a stolen session should not make (where the gifts are paid). The one synchronous
 * call from this service to another: through a circuit breaker, with timeouts, and a clear "try again"
 * when identity cannot answer.
 */
@Component
public class PasswordConfirmation {

    static final String BREAKER = "identity";

    private final RestClient identity;
    private final CircuitBreakerFactory<?, ?> breakers;

    PasswordConfirmation(
            @Value("${tirelire.identity.uri:http://127.0.0.1:8080}") String identityUri,
            CircuitBreakerFactory<?, ?> breakers) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.identity = RestClient.builder()
                .baseUrl(identityUri)
                .requestFactory(requests)
                .build();
        this.breakers = breakers;
    }

    private enum Answer {
        CONFIRMED,
        WRONG,
        TOO_MANY
    }

    /**
     * Completes when the password is the organiser's.
     *
     * @throws PasswordNotConfirmed when it is not (or no password was given)
     * @throws IdentityUnavailable when identity could not tell
     */
    public void confirm(Jwt token, String password) {
        if (password == null || password.isBlank()) {
            throw new PasswordNotConfirmed(false);
        }
        Answer answer = breakers.create(BREAKER)
                .run(
                        () -> identity.post()
                                .uri("/api/auth/password-check")
                                .headers(headers -> headers.setBearerAuth(token.getTokenValue()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("password", password))
                                .exchange((request, response) -> {
                                    int status = response.getStatusCode().value();
                                    if (status == 204 || status == 200) {
                                        return Answer.CONFIRMED;
                                    }
                                    if (status == 429) {
                                        return Answer.TOO_MANY;
                                    }
                                    if (status == 401 || status == 400) {
                                        return Answer.WRONG;
                                    }
                                    throw new IllegalStateException("identity answered " + status);
                                }),
                        failure -> {
                            throw new IdentityUnavailable(failure);
                        });
        switch (answer) {
            case CONFIRMED -> {}
            case WRONG -> throw new PasswordNotConfirmed(false);
            case TOO_MANY -> throw new PasswordNotConfirmed(true);
        }
    }

    /** Bcrypt takes its time on a small machine: a password check gets five seconds before the breaker counts it. */
    @Bean
    static Customizer<Resilience4JCircuitBreakerFactory> identityBreaker() {
        return factory -> factory.configure(
                builder -> builder.timeLimiterConfig(TimeLimiterConfig.custom()
                                .timeoutDuration(Duration.ofSeconds(6))
                                .build())
                        .circuitBreakerConfig(CircuitBreakerConfig.ofDefaults()),
                BREAKER);
    }
}
