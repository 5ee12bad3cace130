package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tirelire.local.LocalPlatform;
import org.tirelire.local.PlatformPorts;
import tools.jackson.databind.JsonNode;

/**
 * While donors keep giving through the gateway, parts of the platform are killed with kill -9 or
 * stopped and started again. Donors retry what was not answered 201, with the same Idempotency-Key,
 * as a browser or an app would. Afterwards every gift is recorded exactly once, the total is the
 * exact sum of the gifts, and every donor was thanked exactly once.
 */
class FaultToleranceIT {

    private static final Path HOME =
            Path.of(System.getProperty("tirelire.home", "..")).toAbsolutePath().normalize();

    private static LocalPlatform platform;
    private static Gateway gateway;
    private static Gateway mail;

    @BeforeAll
    static void startThePlatform() throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("SPRING_MAIL_HOST");
        platform = LocalPlatform.builder()
                .home(HOME)
                .dataDir(HOME.resolve("system-tests/target/fault-data-" + UUID.randomUUID()))
                .ports(PlatformPorts.random())
                .environment(environment)
                .build()
                .start();
        gateway = new Gateway(platform.endpoints().gatewayUrl());
        mail = new Gateway(platform.endpoints().mailWebUrl());
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void crashes_and_outages_while_donors_give_lose_no_gift_and_count_none_twice() throws Exception {
        String campaignId = liveCampaign();
        Map<String, Long> gifts = new ConcurrentHashMap<>(); // Idempotency-Key -> amount
        Map<String, String> answered = new ConcurrentHashMap<>(); // Idempotency-Key -> donation id
        AtomicBoolean giving = new AtomicBoolean(true);
        ExecutorService donors = Executors.newFixedThreadPool(2);
        List<Future<?>> streams = List.of(
                donors.submit(() -> keepGiving(campaignId, gifts, answered, giving)),
                donors.submit(() -> keepGiving(campaignId, gifts, answered, giving)));

        report("kill -9 donation-service");
        platform.kill("donation-service");
        platform.restart("donation-service");
        report("stop and start Kafka");
        platform.stopPart("kafka");
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        platform.restart("kafka");
        report("kill -9 campaign-service");
        platform.kill("campaign-service");
        platform.restart("campaign-service");
        report("kill -9 notification-service");
        platform.kill("notification-service");
        platform.restart("notification-service");

        giving.set(false);
        for (Future<?> stream : streams) {
            stream.get();
        }
        donors.shutdown();

        // Donors retry, with the same key, every gift that got no 201.
        for (String key : gifts.keySet()) {
            if (!answered.containsKey(key)) {
                Gateway.Answer retry = give(campaignId, key, gifts.get(key));
                assertThat(retry.status()).as("retry of " + key).isEqualTo(201);
                answered.put(key, retry.text("id"));
            }
        }
        long expectedTotal = gifts.values().stream().mapToLong(Long::longValue).sum();
        report(gifts.size() + " gifts, " + expectedTotal + " cents in all");

        assertThat(answered.values()).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode progress =
                    gateway.get("/api/campaigns/" + campaignId + "/progress").body();
            assertThat(progress.get("raised").get("amount").asLong()).isEqualTo(expectedTotal);
            assertThat(progress.get("donationCount").asLong()).isEqualTo(gifts.size());
        });
        for (String donationId : answered.values()) {
            assertThat(gateway.get("/api/donations/" + donationId).text("status"))
                    .isEqualTo("CONFIRMED");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Integer> thanks = new HashMap<>();
            mail.get("/api/messages").body().forEach(message -> {
                String text = message.get("text").asString();
                answered.values().stream().filter(text::contains).forEach(id -> thanks.merge(id, 1, Integer::sum));
            });
            assertThat(thanks).hasSize(answered.size());
            assertThat(thanks.values()).allMatch(count -> count == 1);
        });
    }

    private static void keepGiving(
            String campaignId, Map<String, Long> gifts, Map<String, String> answered, AtomicBoolean giving) {
        int n = 0;
        while (giving.get()) {
            String key = UUID.randomUUID().toString();
            long amount = 5_00 + (n++ % 17) * 13;
            gifts.put(key, amount);
            try {
                Gateway.Answer answer = give(campaignId, key, amount);
                if (answer.status() == 201) {
                    answered.put(key, answer.text("id"));
                }
            } catch (RuntimeException connectionRefused) {
                // the donor's request failed: they will retry
            }
            await().pollDelay(Duration.ofMillis(100))
                    .atMost(Duration.ofSeconds(1))
                    .until(() -> true);
        }
    }

    private static Gateway.Answer give(String campaignId, String key, long amount) {
        return gateway.post(
                "/api/donations",
                null,
                Map.of(
                        "campaignId",
                        campaignId,
                        "amount",
                        Map.of("amount", amount, "currency", "EUR"),
                        "donor",
                        Map.of("firstName", "Don", "lastName", "Ateur", "email", "don-" + key + "@example.org"),
                        "paymentMethod",
                        "pm_sandbox_ok"),
                Map.of("Idempotency-Key", key));
    }

    private static String liveCampaign() {
        String email = "faults-" + UUID.randomUUID() + "@example.org";
        gateway.post(
                "/api/auth/signup",
                Map.of("email", email, "password", "une phrase de passe", "organisationName", "Pannes"));
        String token = gateway.post("/api/auth/login", Map.of("email", email, "password", "une phrase de passe"))
                .text("accessToken");
        String id = gateway.post(
                        "/api/campaigns",
                        token,
                        Map.of(
                                "title",
                                "Malgré les pannes",
                                "summary",
                                "Chaque don compte, même quand tout tombe",
                                "goal",
                                Map.of("amount", 10_000_00, "currency", "EUR"),
                                "endsAt",
                                Instant.now().plus(Duration.ofDays(30)).toString()))
                .text("id");
        gateway.post("/api/campaigns/" + id + "/publish", token, Map.of());
        return id;
    }

    private static void report(String step) {
        System.out.printf("[fault-injection] %s at %s%n", step, Instant.now());
    }
}
