package org.tirelire.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the public API, as any outside client would use it. */
final class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String field) {
            return body.get(field).asString();
        }
    }

    Answer get(String path) {
        return send(request(path, null).GET());
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer post(String path, Object body) {
        return post(path, null, body, Map.of());
    }

    Answer post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    Answer post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        headers.forEach(request::header);
        return send(request);
    }

    Answer put(String path, String token, Object body) {
        return send("PUT", path, token, JSON.writeValueAsString(body), Map.of());
    }

    /** A file the API answers (a PDF, a CSV export), as bytes; fails unless answered 200. */
    byte[] bytes(String path, String token, String accept) {
        HttpRequest request =
                request(path, token).header("Accept", accept).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any request, its body sent as it is (malformed JSON, operators, a huge document…). */
    Answer send(String method, String path, String token, String rawBody, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token)
                .method(
                        method,
                        rawBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(rawBody));
        if (rawBody != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<java.io.InputStream> stream(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() || !response.body().trim().matches("(?s)^[\\[{].*")
                    ? JSON.createObjectNode()
                    : readOrEmpty(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrEmpty(String json) {
        try {
            return JSON.readTree(json);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
