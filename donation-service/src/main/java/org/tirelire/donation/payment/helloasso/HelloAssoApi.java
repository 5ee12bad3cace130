package org.tirelire.donation.payment.helloasso;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.ProviderUnavailable;
import org.tirelire.donation.payment.account.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HelloAsso's API v5 as one organisation's API client uses it: an OAuth2 client-credentials token (kept
 * until shortly before it expires), then the checkout intents, orders and refunds of its organisation.
 * Answers are read as trees: HelloAsso adds fields freely.
 */
final class HelloAssoApi {

    /** A refusal from HelloAsso (4xx), with what it said. */
    static final class Refused extends RuntimeException {

        final int status;

        Refused(int status, String body) {
            super("HelloAsso answered " + status + (body.isBlank() ? "" : ": " + body));
            this.status = status;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private final RestClient http;
    private final Credentials.HelloAsso credentials;
    private final Clock clock;
    private @Nullable String token;
    private Instant tokenUntil = Instant.EPOCH;

    HelloAssoApi(String apiBase, Credentials.HelloAsso credentials, Clock clock) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                // HTTP/1.1: the JDK's attempt to upgrade a plain-http connection to HTTP/2 breaks POSTs
                // on some servers, and one request per gift gains nothing from HTTP/2.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        requests.setReadTimeout(Duration.ofSeconds(20));
        this.http =
                RestClient.builder().baseUrl(apiBase).requestFactory(requests).build();
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The organisation as HelloAsso knows it: answers only if the client may act for it. */
    JsonNode organisation() {
        return get("/v5/organizations/{slug}", credentials.organisationSlug());
    }

    /** {@code POST /v5/organizations/{slug}/checkout-intents}: {@code id} and {@code redirectUrl}. */
    JsonNode createCheckoutIntent(Map<String, Object> body) {
        return call(http.post()
                .uri("/v5/organizations/{slug}/checkout-intents", credentials.organisationSlug())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body));
    }

    /** The intent, with its order once the payment is authorised. */
    JsonNode checkoutIntent(String id) {
        return get("/v5/organizations/{slug}/checkout-intents/{id}", credentials.organisationSlug(), id);
    }

    void refund(String paymentId, long amount) {
        call(http.post()
                .uri(
                        "/v5/payments/{paymentId}/refund?amount={amount}&sendRefundMail=true&comment={comment}",
                        paymentId,
                        amount,
                        "Remboursement du don")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of()));
    }

    private JsonNode get(String path, Object... variables) {
        return call(http.get().uri(path, variables));
    }

    private JsonNode call(RestClient.RequestHeadersSpec<?> request) {
        String bearer = token();
        try {
            return request.headers(headers -> headers.setBearerAuth(bearer))
                    .exchange((sent, response) -> read(response.getStatusCode(), response.bodyTo(String.class)));
        } catch (ResourceAccessException unreachable) {
            throw new ProviderUnavailable(ProviderKind.HELLOASSO, unreachable.getMessage());
        }
    }

    private synchronized String token() {
        if (token != null && clock.instant().isBefore(tokenUntil)) {
            return token;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", credentials.clientId());
        form.add("client_secret", credentials.clientSecret());
        JsonNode issued;
        try {
            issued = http.post()
                    .uri("/oauth2/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((sent, response) -> read(response.getStatusCode(), response.bodyTo(String.class)));
        } catch (ResourceAccessException unreachable) {
            throw new ProviderUnavailable(ProviderKind.HELLOASSO, unreachable.getMessage());
        }
        token = issued.path("access_token").asString();
        tokenUntil = clock.instant()
                .plusSeconds(issued.path("expires_in").asLong(1800))
                .minus(TOKEN_MARGIN);
        return token;
    }

    private static JsonNode read(HttpStatusCode status, @Nullable String body) {
        String text = body == null ? "" : body;
        if (status.is5xxServerError()) {
            throw new ProviderUnavailable(ProviderKind.HELLOASSO, "HelloAsso answered " + status.value());
        }
        if (status.isError()) {
            throw new Refused(status.value(), text.length() > 300 ? text.substring(0, 300) : text);
        }
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }
}
