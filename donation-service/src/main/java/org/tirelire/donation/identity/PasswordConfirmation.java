package org.tirelire.donation.identity;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks the identity module whether the signed-in organiser typed their own password again, before a
 * change whoever holds a stolen session should not make (where the gifts are paid). The one synchronous
 * call from this service to another: with timeouts (bcrypt takes its time on a small machine: five
 * seconds to answer), through a circuit breaker, and a clear "try again" when identity cannot answer.
 */
@Component
public class PasswordConfirmation {

    static final String BREAKER = "identity";

    private final RestClient identity;
    private final CircuitBreaker breaker;

    PasswordConfirmation(
            @Value("${tirelire.identity.uri:http://127.0.0.1:8080}") String identityUri,
            CircuitBreakerRegistry breakers) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        // Checking a password is made slow on purpose (the hash): give it time on a busy machine, within the 15 s
        // the page and the gateway give the whole save.
        requests.setReadTimeout(Duration.ofSeconds(8));
        this.identity = RestClient.builder()
                .baseUrl(identityUri)
                .requestFactory(requests)
                .build();
        this.breaker = breakers.circuitBreaker(BREAKER);
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
        Answer answer;
        try {
            answer = breaker.executeSupplier(() -> ask(token, password));
        } catch (RuntimeException cannotTell) { // no answer in time, an error of its own, or the breaker open
            throw new IdentityUnavailable(cannotTell);
        }
        switch (answer) {
            case CONFIRMED -> {}
            case WRONG -> throw new PasswordNotConfirmed(false);
            case TOO_MANY -> throw new PasswordNotConfirmed(true);
        }
    }

    private Answer ask(Jwt token, String password) {
        return identity.post()
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
                });
    }
}
