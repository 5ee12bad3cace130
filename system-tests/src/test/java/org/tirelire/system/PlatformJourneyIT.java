package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tirelire.local.LocalPlatform;
import org.tirelire.local.PlatformEndpoints;
import org.tirelire.local.services.Service;
import tools.jackson.databind.JsonNode;

/**
 * The platform started as {@code ./tirelire up} starts it (Kafka, MongoDB-wire server, SMTP and the
 * four services as processes), on ports of its own, driven only through the gateway. It runs last of
 * the classes sharing the platform, since it ends by restarting it.
 */
@ExtendWith(SharedPlatform.class)
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformJourneyIT {

    private static Gateway gateway;
    private static Gateway mail;
    private static String token;
    private static String campaignId;

    @BeforeAll
    static void reachThePlatform() {
        useTheGatewayOf(SharedPlatform.platform());
    }

    /** What a volunteer, a supervisor or a load balancer asks each process: UP when all is well. */
    @Test
    @Order(0)
    void every_process_of_the_platform_reports_its_overall_health_up() {
        PlatformEndpoints endpoints = SharedPlatform.platform().endpoints();
        for (String process : List.of(
                endpoints.gatewayUrl(),
                endpoints.campaignServiceUrl(),
                endpoints.donationServiceUrl(),
                endpoints.notificationServiceUrl())) {
            Gateway.Answer health = new Gateway(process).get("/actuator/health");
            assertThat(health.status()).as(process + ": " + health.body()).isEqualTo(200);
            assertThat(health.text("status")).as(process).isEqualTo("UP");
        }
        // Each service's figures for Prometheus, on loopback: the JVM's, and its own, named after the service.
        Map<String, String> ownFigures = Map.of(
                endpoints.campaignServiceUrl(),
                "tirelire_outbox_backlog{application=\"campaign-service\",collection=\"campaigns\"}",
                endpoints.donationServiceUrl(),
                "tirelire_gifts_total{application=\"donation-service\",outcome=\"accepted\"}",
                endpoints.notificationServiceUrl(),
                "tirelire_emails_total{application=\"notification-service\",outcome=\"sent\"}");
        StringBuilder everyScrape = new StringBuilder();
        ownFigures.forEach((service, figure) -> {
            Gateway.Answer scrape = new Gateway(service).get("/actuator/prometheus");
            assertThat(scrape.status()).as(service).isEqualTo(200);
            assertThat(scrape.raw().body())
                    .as(service)
                    .contains("jvm_memory_used_bytes")
                    .contains(figure);
            everyScrape.append(scrape.raw().body());
        });
        // The gateway's, on its management port (loopback): the refusals of its rate limits, its breakers. A route's
        // breaker exists once the route has been called: this test may be the first to call one.
        assertThat(new Gateway(endpoints.gatewayUrl())
                        .get("/api/campaigns?status=LIVE")
                        .status())
                .isEqualTo(200);
        Gateway.Answer gatewayFigures = new Gateway(endpoints.gatewayManagementUrl()).get("/actuator/prometheus");
        assertThat(gatewayFigures.raw().body())
                .contains("tirelire_rate_limit_refusals_total{application=\"gateway\",limit=\"donations\"}")
                .contains("resilience4j_circuitbreaker_state{application=\"gateway\"");
        everyScrape.append(gatewayFigures.raw().body());
        // Every figure the provisioned Grafana dashboard queries is one the services export.
        Matcher queried = Pattern.compile("\\b(?:tirelire|http|jvm|spring_cloud_stream|resilience4j)_[a-z_0-9]+")
                .matcher(dashboard());
        Set<String> metrics = new TreeSet<>();
        while (queried.find()) {
            metrics.add(queried.group());
        }
        assertThat(metrics).hasSizeGreaterThanOrEqualTo(11);
        for (String metric : metrics) {
            assertThat(everyScrape).as("the dashboard queries " + metric).contains("\n" + metric + "{");
        }
        assertThat(gateway.get("/actuator/prometheus").status())
                .as("the gateway faces the public: no figures on its public port")
                .isIn(401, 403, 404);
    }

    /**
     * Each service starts from the classes its build's first start loaded and linked (ADR 40), which is
     * what brings a killed service back sooner. The JVM maps the archive it uses and silently runs
     * without one it cannot use, so the test looks for the mapping, not for the flag.
     */
    @Test
    @Order(0)
    void every_service_runs_from_its_startup_archive() throws IOException {
        Map<String, Long> pids = SharedPlatform.platform().pids();
        for (Service service : Service.values()) {
            Path startup = SharedPlatform.HOME.resolve(service.module()).resolve("target/startup");
            String mapped = Files.readString(Path.of("/proc", String.valueOf(pids.get(service.module())), "maps"));
            assertThat(mapped)
                    .as(service.module() + " maps an archive of its own under " + startup)
                    .containsPattern(
                            Pattern.quote(startup.toString()) + "/[0-9a-f]{16}/" + service.module() + "\\.(jsa|aot)");
        }
    }

    private static String dashboard() {
        try {
            return Files.readString(SharedPlatform.HOME.resolve("docker/grafana/dashboards/tirelire.json"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Test
    @Order(1)
    void an_organiser_signs_up_logs_in_and_publishes_a_campaign() {
        String email = "tresoriere-" + UUID.randomUUID() + "@example.org";
        assertThat(gateway.post(
                                "/api/auth/signup",
                                Map.of(
                                        "email",
                                        email,
                                        "password",
                                        "une phrase de passe",
                                        "organisationName",
                                        "Les Amis du Canal"))
                        .status())
                .isEqualTo(201);
        Gateway.Answer login =
                gateway.post("/api/auth/login", Map.of("email", email, "password", "une phrase de passe"));
        assertThat(login.status()).isEqualTo(200);
        token = login.text("accessToken");

        Gateway.Answer created = gateway.post(
                "/api/campaigns",
                token,
                Map.of(
                        "title",
                        "Rénovons la péniche",
                        "summary",
                        "Une péniche-école pour le quartier",
                        "goal",
                        Map.of("amount", 1000_00, "currency", "EUR"),
                        "endsAt",
                        Instant.now().plus(Duration.ofDays(30)).toString()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        campaignId = created.text("id");

        Gateway.Answer published = gateway.post("/api/campaigns/" + campaignId + "/publish", token, Map.of());
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("LIVE");
        assertThat(gateway.get("/api/campaigns?status=LIVE").body().findValuesAsString("id"))
                .contains(campaignId);
    }

    @Test
    @Order(2)
    void a_donor_gives_and_the_total_the_feed_and_the_thank_you_email_follow() throws Exception {
        CompletableFuture<String> nextProgressEvent = CompletableFuture.supplyAsync(this::secondProgressEvent);

        // The mail catcher is shared with the other classes on this platform: an address of this test's own.
        String ada = "ada@" + UUID.randomUUID() + ".example.org";
        // The donor's request starts a sampled trace (W3C traceparent), as a browser's tracing would.
        String traceId = randomHex(16);
        String key = UUID.randomUUID().toString();
        Gateway.Answer gift = gateway.post(
                "/api/donations",
                null,
                gift(key, 30_00, "pm_sandbox_ok", ada),
                Map.of("Idempotency-Key", key, "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));
        assertThat(gift.status()).isEqualTo(201);
        String donationId = gift.text("id");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.get("/api/donations/" + donationId)
                        .text("status")
                        .equals("CONFIRMED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode progress =
                    gateway.get("/api/campaigns/" + campaignId + "/progress").body();
            assertThat(progress.get("raised").get("amount").asLong()).isEqualTo(30_00);
            assertThat(progress.get("donationCount").asLong()).isEqualTo(1);
            assertThat(progress.get("percent").asInt()).isEqualTo(3);
        });
        assertThat(Gateway.parse(nextProgressEvent.get(20, TimeUnit.SECONDS))
                        .get("raised")
                        .get("amount")
                        .asLong())
                .isEqualTo(30_00);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(emailsTo(ada)).singleElement().satisfies(email -> {
                    assertThat(email.get("subject").asString()).isEqualTo("Merci pour votre don à Rénovons la péniche");
                    assertThat(email.get("text").asString()).contains("30,00").contains(donationId);
                }));
        // One gift, one trace: from the gateway through donation-service and Kafka to the projection in
        // campaign-service and the thank-you email notification-service sent.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<TraceCollector.ReceivedSpan> spans = TraceCollector.spansOf(traceId);
            assertThat(spans)
                    .extracting(TraceCollector.ReceivedSpan::service)
                    .contains("gateway", "donation-service", "campaign-service", "notification-service");
            assertThat(spans)
                    .filteredOn(span -> span.service().equals("notification-service"))
                    .extracting(TraceCollector.ReceivedSpan::name)
                    .contains("send email");
        });
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    @Test
    @Order(3)
    void retries_declines_refunds_and_offline_gifts_keep_the_total_exact() {
        String key = UUID.randomUUID().toString();
        Gateway.Answer first = give(key, 20_00, "pm_sandbox_ok", "bob@example.org");
        Gateway.Answer retry = give(key, 20_00, "pm_sandbox_ok", "bob@example.org");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(give(key, 25_00, "pm_sandbox_ok", "bob@example.org").status())
                .isIn(409, 422);

        Gateway.Answer declined = give(UUID.randomUUID().toString(), 40_00, "pm_sandbox_declined", "carol@example.org");
        assertThat(declined.text("status")).isEqualTo("FAILED");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.get("/api/donations/" + first.text("id"))
                        .text("status")
                        .equals("CONFIRMED"));
        Gateway.Answer refunded = gateway.post("/api/donations/" + first.text("id") + "/refund", token, Map.of());
        assertThat(refunded.text("status")).isEqualTo("REFUNDED");

        Gateway.Answer offline = gateway.post(
                "/api/campaigns/" + campaignId + "/offline-donations",
                token,
                Map.of("amount", Map.of("amount", 50_00, "currency", "EUR"), "method", "CASH"));
        assertThat(offline.status()).isEqualTo(201);

        // 30.00 online + 50.00 cash; the refunded 20.00 and the declined 40.00 do not count.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode progress =
                    gateway.get("/api/campaigns/" + campaignId + "/progress").body();
            assertThat(progress.get("raised").get("amount").asLong()).isEqualTo(80_00);
            assertThat(progress.get("donationCount").asLong()).isEqualTo(2);
        });
    }

    @Test
    @Order(4)
    void bad_input_gets_a_problem_response_and_changes_nothing() {
        Gateway.Answer fractional = gateway.post(
                "/api/donations",
                null,
                Map.of("campaignId", campaignId, "amount", Map.of("amount", 10.5, "currency", "EUR")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        Gateway.Answer noKey = gateway.post("/api/donations", Map.of("campaignId", campaignId));
        Gateway.Answer stranger = gateway.get("/api/campaigns/" + campaignId + "/donations", otherOrganisersToken());

        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(stranger.status()).isIn(403, 404);
        assertThat(gateway.get("/api/campaigns/" + campaignId + "/progress")
                        .body()
                        .get("raised")
                        .get("amount")
                        .asLong())
                .isEqualTo(80_00);
    }

    @Test
    @Order(5)
    void what_the_public_sees_of_donors_is_a_display_name_and_never_an_email() {
        Map<String, Object> anonymous = gift(UUID.randomUUID().toString(), 15_00, "pm_sandbox_ok", "dan@example.org");
        anonymous.put("anonymous", true);
        anonymous.put("message", "<script>alert('x')</script>");
        gateway.post(
                "/api/donations",
                null,
                anonymous,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode supporters =
                    gateway.get("/api/campaigns/" + campaignId + "/supporters").body();
            assertThat(supporters.findValuesAsString("displayName")).contains("Anonymous", "Ada L.");
            assertThat(supporters.toString()).doesNotContain("@example.org");
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(gateway.get("/api/campaigns/" + campaignId + "/progress")
                                .body()
                                .get("raised")
                                .get("amount")
                                .asLong())
                        .isEqualTo(95_00));
    }

    @Test
    @Order(6)
    void a_supporter_opens_a_collection_page_and_gifts_through_it_count_toward_it() {
        Gateway.Answer page = gateway.post(
                "/api/campaigns/" + campaignId + "/fundraisers",
                Map.of(
                        "supporter", Map.of("name", "Léa Martin", "email", "lea@example.org"),
                        "title", "Léa court le semi-marathon",
                        "goal", Map.of("amount", 500_00, "currency", "EUR")));
        assertThat(page.status()).isEqualTo(201);
        String slug = page.text("slug");
        assertThat(page.text("shareUrl")).endsWith("/fundraisers/" + slug);

        Map<String, Object> throughThePage =
                gift(UUID.randomUUID().toString(), 40_00, "pm_sandbox_ok", "eve@example.org");
        throughThePage.put("fundraiser", slug);
        gateway.post(
                "/api/donations",
                null,
                throughThePage,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode fundraiser = gateway.get("/api/fundraisers/" + slug).body();
            assertThat(fundraiser.get("raised").get("amount").asLong()).isEqualTo(40_00);
            assertThat(fundraiser.get("donationCount").asLong()).isEqualTo(1);
            assertThat(gateway.get("/api/campaigns/" + campaignId + "/fundraisers")
                            .body()
                            .findValuesAsString("slug"))
                    .containsExactly(slug);
            assertThat(gateway.get("/api/campaigns/" + campaignId + "/progress")
                            .body()
                            .get("raised")
                            .get("amount")
                            .asLong())
                    .isEqualTo(135_00);
        });
    }

    @Test
    @Order(7)
    void a_second_start_finds_the_data_of_the_first() throws Exception {
        long raisedBefore = gateway.get("/api/campaigns/" + campaignId + "/progress")
                .body()
                .get("raised")
                .get("amount")
                .asLong();
        useTheGatewayOf(SharedPlatform.restart());

        assertThat(gateway.get("/api/campaigns/" + campaignId + "/progress")
                        .body()
                        .get("raised")
                        .get("amount")
                        .asLong())
                .isEqualTo(raisedBefore);
        assertThat(gateway.post("/api/campaigns/" + campaignId + "/close", token, Map.of())
                        .text("status"))
                .as("the organiser's token from before the restart is still valid")
                .isEqualTo("ENDED");
    }

    private static void useTheGatewayOf(LocalPlatform platform) {
        gateway = new Gateway(platform.endpoints().gatewayUrl());
        mail = new Gateway(platform.endpoints().mailWebUrl());
    }

    private String secondProgressEvent() {
        try {
            HttpResponse<java.io.InputStream> response =
                    gateway.stream("/api/campaigns/" + campaignId + "/progress/stream");
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                int events = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:") && ++events == 2) {
                        return line.substring("data:".length());
                    }
                }
            }
            throw new IllegalStateException("the stream ended");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> emailsTo(String address) {
        JsonNode messages = mail.get("/api/messages").body();
        List<JsonNode> found = new java.util.ArrayList<>();
        messages.forEach(message -> {
            if (message.get("to").toString().contains(address)) {
                found.add(message);
            }
        });
        return found;
    }

    private static String otherOrganisersToken() {
        String email = "other-" + UUID.randomUUID() + "@example.org";
        gateway.post(
                "/api/auth/signup",
                Map.of("email", email, "password", "another passphrase", "organisationName", "Autre"));
        return gateway.post("/api/auth/login", Map.of("email", email, "password", "another passphrase"))
                .text("accessToken");
    }

    private static Gateway.Answer give(String key, long amount, String paymentMethod, String email) {
        return gateway.post(
                "/api/donations", null, gift(key, amount, paymentMethod, email), Map.of("Idempotency-Key", key));
    }

    private static Map<String, Object> gift(String key, long amount, String paymentMethod, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("amount", Map.of("amount", amount, "currency", "EUR"));
        body.put(
                "donor",
                Map.of(
                        "firstName",
                        email.substring(0, 1).toUpperCase() + email.substring(1, email.indexOf('@')),
                        "lastName",
                        "Lovelace",
                        "email",
                        email));
        body.put("paymentMethod", paymentMethod);
        return body;
    }
}
