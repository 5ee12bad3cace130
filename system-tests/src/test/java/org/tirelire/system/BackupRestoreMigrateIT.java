package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tirelire.local.BackupCommand;
import org.tirelire.local.LocalPlatform;
import org.tirelire.local.MigrateCommand;
import org.tirelire.local.PlatformPorts;
import tools.jackson.databind.JsonNode;

/**
 * An association's platform grows out of one laptop without losing a cent.
 *
 * <p>{@code ./tirelire backup} of the shared platform while donors give, and {@code ./tirelire restore} of
 * it into another data directory, started on other ports as a second machine would: every gift confirmed
 * before the backup is there, every total is the exact sum of the gifts the restored platform holds, and
 * it goes on counting new gifts exactly. The platform backed up keeps taking gifts throughout.
 *
 * <p>Then {@code ./tirelire migrate} moves the restored platform to another Kafka and MongoDB (embedded
 * ones on other ports, standing for real servers): the totals are the same, new gifts count exactly
 * though the new Kafka's offsets start again at zero, and no email is sent again.
 */
@ExtendWith(SharedPlatform.class)
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreMigrateIT {

    private static final String PASSWORD = "une phrase de passe";

    private static LocalPlatform restored;
    private static LocalPlatform moved;
    private static String organiser;
    private static String campaignId;
    /** The gifts the restored platform holds, donation id to amount. */
    private static Map<String, Long> restoredGifts;
    /** The gifts given to the restored platform itself. */
    private static final List<String> givenAfterRestore = new ArrayList<>();

    @AfterAll
    static void stopThePlatformsStartedHere() {
        for (LocalPlatform platform : new LocalPlatform[] {restored, moved}) {
            if (platform != null) {
                platform.stop();
            }
        }
    }

    @Test
    @Order(1)
    void a_backup_taken_while_donors_give_restores_elsewhere_with_exact_totals_and_keeps_counting() throws Exception {
        Gateway source = new Gateway(SharedPlatform.platform().endpoints().gatewayUrl());
        campaignId = liveCampaign(source);
        Map<String, Long> answered = new ConcurrentHashMap<>(); // donation id -> amount, once answered 201
        AtomicBoolean giving = new AtomicBoolean(true);
        ExecutorService donors = Executors.newFixedThreadPool(2);
        List<Future<?>> streams = List.of(
                donors.submit(() -> keepGiving(source, campaignId, answered, giving)),
                donors.submit(() -> keepGiving(source, campaignId, answered, giving)));
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= 10);

        Path archive = Path.of("target", "backups", "tirelire-backup-" + UUID.randomUUID() + ".zip")
                .toAbsolutePath();
        Map<String, Long> confirmedBefore = Map.copyOf(answered);
        List<String> printed = new ArrayList<>();
        int backedUp = BackupCommand.backup(List.of(archive.toString()), SharedPlatform.environment(), printed::add);
        int answeredAtBackup = answered.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= answeredAtBackup + 6);
        giving.set(false);
        for (Future<?> stream : streams) {
            stream.get();
        }
        donors.shutdown();

        assertThat(backedUp).as(String.join("\n", printed)).isZero();
        assertThat(printed).anySatisfy(line -> assertThat(line).contains("Kafka was paused for"));
        // The platform backed up lost nothing while Kafka was paused, and counted every gift once.
        assertExactTotal(source, campaignId, answered);

        Path elsewhere = Path.of("target", "restored-data-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("SPRING_MAIL_HOST");
        environment.put("TIRELIRE_DATA_DIR", elsewhere.toString());
        printed.clear();
        assertThat(BackupCommand.restore(List.of(archive.toString()), environment, printed::add))
                .as(String.join("\n", printed))
                .isZero();
        restored = platformOn(elsewhere, environment);
        Gateway copy = new Gateway(restored.endpoints().gatewayUrl());

        for (String donationId : confirmedBefore.keySet()) {
            assertThat(copy.get("/api/donations/" + donationId).text("status"))
                    .as("gift " + donationId + ", confirmed before the backup")
                    .isEqualTo("CONFIRMED");
        }
        Map<String, Long> held = confirmedOn(copy, answered);
        assertThat(held).containsAllEntriesOf(confirmedBefore);
        assertExactTotal(copy, campaignId, held);

        // The restored platform takes new gifts and counts them exactly, on top of what it holds.
        Map<String, Long> afterRestore = new HashMap<>(held);
        for (long amount : List.of(7_00L, 11_00L, 13_00L)) {
            Gateway.Answer gift = give(copy, campaignId, amount);
            assertThat(gift.status()).as(String.valueOf(gift.body())).isEqualTo(201);
            afterRestore.put(gift.text("id"), amount);
            givenAfterRestore.add(gift.text("id"));
        }
        assertExactTotal(copy, campaignId, afterRestore);
        // Its organiser signs in there with the same password.
        assertThat(copy.post("/api/auth/login", Map.of("email", organiser, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
        Files.deleteIfExists(archive);
        restoredGifts = afterRestore;
    }

    @Test
    @Order(2)
    void the_platform_moved_to_another_kafka_and_mongodb_keeps_exact_totals_and_sends_no_email_again()
            throws Exception {
        assertThat(restored).as("the restored platform of the first scenario").isNotNull();
        Path from = restored.dataDir();
        // Emails still queued when the platform stops go out after the move; those already sent must not.
        Gateway restoredMail = new Gateway(restored.endpoints().mailWebUrl());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(givenAfterRestore)
                        .allMatch(donation -> texts(restoredMail).stream().anyMatch(text -> text.contains(donation))));
        List<String> sentBefore = texts(restoredMail);
        restored.stop();
        restored = null;
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("SPRING_MAIL_HOST");
        environment.put("TIRELIRE_DATA_DIR", from.toString());

        // The new servers: another Kafka cluster and MongoDB, empty.
        Path elsewhere = Path.of("target", "moved-data-" + UUID.randomUUID()).toAbsolutePath();
        LocalPlatform newServers = LocalPlatform.builder()
                .home(SharedPlatform.HOME)
                .dataDir(elsewhere)
                .randomPorts()
                .environment(environment)
                .storesOnly()
                .build()
                .start();
        List<String> printed = new ArrayList<>();
        List<String> printedAgain = new ArrayList<>();
        int exit;
        int again;
        try {
            List<String> options = List.of(
                    "--mongodb",
                    newServers.endpoints().mongoUri(),
                    "--kafka",
                    newServers.endpoints().kafkaBootstrapServers());
            exit = MigrateCommand.run(options, SharedPlatform.HOME, environment, printed::add);
            again = MigrateCommand.run(options, SharedPlatform.HOME, environment, printedAgain::add);
        } finally {
            newServers.stop();
        }
        assertThat(exit).as(String.join("\n", printed)).isZero();
        assertThat(again)
                .as("the new servers hold the platform now: a second move would mix them")
                .isEqualTo(1);
        assertThat(printedAgain).anySatisfy(line -> assertThat(line).contains("the new MongoDB already holds"));

        // The services on the new servers, with the keys of the old data directory, as the command says.
        copyTree(from.resolve("secrets"), elsewhere.resolve("secrets"));
        moved = platformOn(elsewhere, environment);
        Gateway there = new Gateway(moved.endpoints().gatewayUrl());
        assertExactTotal(there, campaignId, restoredGifts);

        // The new Kafka's offsets start at zero: new gifts still count, exactly once each.
        Map<String, Long> afterTheMove = new HashMap<>(restoredGifts);
        List<String> newGifts = new ArrayList<>();
        for (long amount : List.of(17_00L, 19_00L)) {
            Gateway.Answer gift = give(there, campaignId, amount);
            assertThat(gift.status()).as(String.valueOf(gift.body())).isEqualTo(201);
            afterTheMove.put(gift.text("id"), amount);
            newGifts.add(gift.text("id"));
        }
        assertExactTotal(there, campaignId, afterTheMove);

        // Each new donor is thanked; no donor thanked before the move is thanked again.
        Gateway mail = new Gateway(moved.endpoints().mailWebUrl());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(texts(mail))
                        .anySatisfy(text -> assertThat(text).contains(newGifts.get(0)))
                        .anySatisfy(text -> assertThat(text).contains(newGifts.get(1))));
        List<String> thankedBefore = restoredGifts.keySet().stream()
                .filter(donation -> sentBefore.stream().anyMatch(text -> text.contains(donation)))
                .toList();
        assertThat(thankedBefore).as("thank-yous sent before the move").isNotEmpty();
        assertThat(texts(mail)).allSatisfy(text -> assertThat(thankedBefore).noneMatch(text::contains));
    }

    private static List<String> texts(Gateway mail) {
        List<String> texts = new ArrayList<>();
        mail.get("/api/messages")
                .body()
                .forEach(message -> texts.add(message.get("text").asString()));
        return texts;
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    /** The gifts the platform behind {@code gateway} holds as confirmed, among those answered. */
    private static Map<String, Long> confirmedOn(Gateway gateway, Map<String, Long> answered) {
        Map<String, Long> confirmed = new HashMap<>();
        answered.forEach((donationId, amount) -> {
            Gateway.Answer donation = gateway.get("/api/donations/" + donationId);
            if (donation.status() == 200 && "CONFIRMED".equals(donation.text("status"))) {
                confirmed.put(donationId, amount);
            }
        });
        return confirmed;
    }

    private static void assertExactTotal(Gateway gateway, String campaignId, Map<String, Long> gifts) {
        long sum = gifts.values().stream().mapToLong(Long::longValue).sum();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress =
                    gateway.get("/api/campaigns/" + campaignId + "/progress").body();
            assertThat(progress.get("raised").get("amount").asLong()).isEqualTo(sum);
            assertThat(progress.get("donationCount").asLong()).isEqualTo(gifts.size());
        });
    }

    private static void keepGiving(
            Gateway gateway, String campaignId, Map<String, Long> answered, AtomicBoolean giving) {
        int n = 0;
        while (giving.get()) {
            long amount = 5_00 + (n++ % 17) * 13;
            Gateway.Answer gift = give(gateway, campaignId, amount);
            assertThat(gift.status()).as(String.valueOf(gift.body())).isEqualTo(201);
            answered.put(gift.text("id"), amount);
            await().pollDelay(Duration.ofMillis(200))
                    .atMost(Duration.ofSeconds(1))
                    .until(() -> true);
        }
    }

    private static Gateway.Answer give(Gateway gateway, String campaignId, long amount) {
        String key = UUID.randomUUID().toString();
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

    private static String liveCampaign(Gateway gateway) {
        organiser = "sauvegarde-" + UUID.randomUUID() + "@example.org";
        gateway.post(
                "/api/auth/signup",
                Map.of("email", organiser, "password", PASSWORD, "organisationName", "Les Archives du Canal"));
        String token = gateway.post("/api/auth/login", Map.of("email", organiser, "password", PASSWORD))
                .text("accessToken");
        String id = gateway.post(
                        "/api/campaigns",
                        token,
                        Map.of(
                                "title",
                                "Rien ne se perd",
                                "summary",
                                "Chaque don gardé, même sur une autre machine",
                                "goal",
                                Map.of("amount", 10_000_00, "currency", "EUR"),
                                "endsAt",
                                Instant.now().plus(Duration.ofDays(30)).toString()))
                .text("id");
        gateway.post("/api/campaigns/" + id + "/publish", token, Map.of());
        return id;
    }

    /** The whole platform on a data directory, on ports of its own, as a second machine would run it. */
    private static LocalPlatform platformOn(Path dataDir, Map<String, String> environment) throws Exception {
        return LocalPlatform.builder()
                .home(SharedPlatform.HOME)
                .dataDir(dataDir)
                .ports(PlatformPorts.random())
                .environment(environment)
                .build()
                .start();
    }
}
