package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at /api/docs/openapi.json, held against the platform it describes: every operation
 * it lists is routed by the gateway to a process that handles it, every handler of every service is in
 * it, and each says how it refuses (problems) and what it needs (a token).
 */
@ExtendWith(SharedPlatform.class)
@Order(3)
class ApiDocumentIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static Gateway gateway;
    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() {
        gateway = new Gateway(SharedPlatform.platform().endpoints().gatewayUrl());
        // As a client that honours Retry-After would: the services describe themselves on first request,
        // which takes a while on a busy machine, and the gateway answers 503 until they have.
        Gateway.Answer[] answer = new Gateway.Answer[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    answer[0] = gateway.get("/api/docs/openapi.json");
                    assertThat(answer[0].status()).as(answer[0].raw().body()).isEqualTo(200);
                });
        document = answer[0].body();
    }

    @Test
    void it_is_openapi_3_1_with_the_security_schemes_and_a_problem_for_each_refusal() {
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("bearerAuth")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        JsonNode give = document.path("paths").path("/api/donations").path("post");
        assertThat(give.path("responses").path("201").isMissingNode()).isFalse();
        assertThat(give.path("parameters").toString()).contains("Idempotency-Key");
        assertThat(give.path("requestBody").toString()).contains("\"examples\"").contains("paymentMethod");
        // A gift shed while many give says so, and how to send it again.
        JsonNode shed = give.path("responses").path("503");
        assertThat(shed.path("headers").has("Tirelire-Shed")).isTrue();
        assertThat(shed.path("headers").has("Retry-After")).isTrue();
        assertThat(shed.path("description").asString()).contains("same Idempotency-Key");
        JsonNode create = document.path("paths").path("/api/campaigns").path("post");
        assertThat(create.path("security").toString()).contains("bearerAuth");
        for (String status : List.of("400", "401", "403", "503")) {
            assertThat(create.path("responses")
                            .path(status)
                            .path("content")
                            .path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asString())
                    .as("POST /api/campaigns answers " + status)
                    .isEqualTo("#/components/schemas/Problem");
        }
        // A public read needs no token (an organiser's shows their drafts too); the members of an
        // organisation do; a gift, none.
        assertThat(document.path("paths")
                        .path("/api/campaigns/{idOrSlug}/progress")
                        .path("get")
                        .path("security")
                        .toString())
                .isEqualTo("[{},{\"bearerAuth\":[]}]");
        assertThat(give.has("security")).isFalse();
        assertThat(document.path("paths")
                        .path("/api/organisations/me/members")
                        .path("get")
                        .path("security")
                        .toString())
                .contains("bearerAuth");
        Gateway.Answer page = gateway.get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("POST /api/donations").contains("/api/docs/openapi.json");
    }

    /**
     * Called as documented (an organiser's token, no body worth recording), no operation may meet "no
     * such route" from the gateway or the service, nor "method not allowed": each answers for itself, if
     * only to refuse the empty input. Nothing is changed by a refusal, so this is safe on a shared
     * platform.
     */
    @Test
    void every_documented_operation_is_routed_to_a_process_that_handles_it() {
        String token = throwawayOrganiserToken();
        List<String> unhandled = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "doc-check");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())
                        || concrete.endsWith("/stream")
                        || concrete.endsWith("/live")) {
                    continue; // live streams stay open: their routes are checked by the journeys
                }
                tried++;
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                Gateway.Answer answer = gateway.send(
                        method,
                        concrete,
                        token,
                        method.equals("GET") || method.equals("DELETE") ? null : "{}",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                String detail = answer.body().path("detail").asString("");
                if (answer.status() == 405 || (answer.status() == 404 && detail.startsWith("No static resource"))) {
                    unhandled.add(method + " " + path.getKey() + " -> " + answer.status() + " " + detail);
                }
            }
        }
        assertThat(tried).isGreaterThan(60);
        assertThat(unhandled).as("documented, yet nothing handles them").isEmpty();
    }

    /** Reached on the service itself by an administrator, never through the gateway (its README). */
    private static final Set<String> NOT_PUBLIC = Set.of("POST /api/admin/reconciliation");

    /**
     * Each service's own handlers, as its actuator lists them: every one under /api is in the document,
     * but for those kept off the public API.
     */
    @Test
    void every_handler_of_every_service_is_documented() {
        Set<String> documented = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        documented.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }));
        var endpoints = SharedPlatform.platform().endpoints();
        Set<String> handled = new TreeSet<>();
        for (String service : List.of(
                endpoints.campaignServiceUrl(), endpoints.donationServiceUrl(), endpoints.notificationServiceUrl())) {
            Gateway.Answer mappings = new Gateway(service).get("/actuator/mappings");
            assertThat(mappings.status()).as(service).isEqualTo(200);
            mappings.body()
                    .path("contexts")
                    .properties()
                    .forEach(context -> context.getValue()
                            .path("mappings")
                            .path("dispatcherServlets")
                            .path("dispatcherServlet")
                            .forEach(mapping -> {
                                JsonNode conditions = mapping.path("details").path("requestMappingConditions");
                                conditions.path("patterns").forEach(pattern -> {
                                    if (pattern.asString().startsWith("/api/")) {
                                        conditions
                                                .path("methods")
                                                .forEach(method ->
                                                        handled.add(method.asString() + " " + pattern.asString()));
                                    }
                                });
                            }));
        }
        assertThat(handled).hasSizeGreaterThan(40).containsAll(NOT_PUBLIC);
        handled.removeAll(NOT_PUBLIC);
        assertThat(documented).containsAll(handled).doesNotContainAnyElementsOf(NOT_PUBLIC);
    }

    private static String throwawayOrganiserToken() {
        String email = "api-doc-" + UUID.randomUUID() + "@example.org";
        String password = "une phrase de passe";
        assertThat(gateway.post(
                                "/api/auth/signup",
                                Map.of("email", email, "password", password, "organisationName", "Docs à l'essai"))
                        .status())
                .isEqualTo(201);
        return gateway.post("/api/auth/login", Map.of("email", email, "password", password))
                .text("accessToken");
    }
}
