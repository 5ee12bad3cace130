package org.tirelire.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.tirelire.local.backup.DailyBackups;
import org.tirelire.local.bench.BenchCommand;
import org.tirelire.local.demo.DemoData;
import org.tirelire.local.process.PlatformStartFailure;

/** {@code ./tirelire up [--demo]}: runs the platform in the foreground until Ctrl-C. */
public final class TirelireCommand {

    private TirelireCommand() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "help" : arguments.get(0);
        List<String> options = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        switch (command) {
            case "up" -> {
                if (!List.of("--demo").containsAll(options)) {
                    say("Unknown option: " + String.join(" ", options));
                    usage();
                    System.exit(2);
                }
                up(options.contains("--demo"));
            }
            case "bench" -> System.exit(BenchCommand.run(options, Path.of("").toAbsolutePath(), TirelireCommand::say));
            case "status" -> System.exit(StatusCommand.run(dataDir(System.getenv()), TirelireCommand::say));
            case "backup" -> System.exit(BackupCommand.backup(options, System.getenv(), TirelireCommand::say));
            case "restore" -> System.exit(BackupCommand.restore(options, System.getenv(), TirelireCommand::say));
            case "migrate" ->
                System.exit(MigrateCommand.run(
                        options, Path.of("").toAbsolutePath(), System.getenv(), TirelireCommand::say));
            case "help", "--help", "-h" -> usage();
            default -> {
                say("Unknown command: " + command);
                usage();
                System.exit(2);
            }
        }
    }

    private static void up(boolean demo) throws InterruptedException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        String testClockToken = demo ? demoTestClock(environment) : null;
        LocalPlatform platform;
        try {
            platform = LocalPlatform.builder()
                    .home(Path.of(""))
                    .environment(environment)
                    .build();
        } catch (IllegalStateException badSetting) {
            say("Tirelire did not start: " + badSetting.getMessage());
            System.exit(1);
            return;
        }
        say("Starting Tirelire: Kafka, MongoDB-wire server, mail catcher, then the four services…");
        say("  (logs in " + platform.dataDir().resolve("logs") + ")");
        try {
            platform.start();
        } catch (PlatformStartFailure failure) {
            say("");
            say("Tirelire did not start: " + failure.getMessage());
            say("Everything started was stopped. Last lines of "
                    + failure.part().logFile() + ":");
            failure.part().lastLogLines(40).forEach(line -> say("  | " + line));
            System.exit(1);
        } catch (IllegalStateException | java.io.IOException cannotStart) {
            say("Tirelire did not start: " + cannotStart.getMessage());
            System.exit(1);
        }
        summary(platform);
        // From now on a part that exits is started again (./tirelire status shows the restarts).
        platform.supervise(TirelireCommand::say);
        try {
            DailyBackups.start(environment, platform::backupTo, TirelireCommand::say)
                    .ifPresent(backups -> say("  Backups                  " + backups.describe()));
        } catch (IllegalStateException badSetting) {
            say("No daily backups: " + badSetting.getMessage());
        }
        if (demo) {
            say("");
            try {
                new DemoData(
                                platform.endpoints().gatewayUrl(),
                                platform.endpoints().mailPage().orElse(null),
                                testClockToken,
                                TirelireCommand::say)
                        .load();
            } catch (RuntimeException e) { // the demo must never take the platform down
                say("The demo data could not be loaded completely: " + e);
            }
        }
        if (testClockToken != null) {
            say("");
            say("Test clock (demo): move donation-service a month on, and see the monthly gifts charged now:");
            say("  curl -X POST " + platform.endpoints().gatewayUrl() + "/api/admin/test-clock/advance"
                    + " -H 'X-Admin-Token: " + testClockToken + "' -H 'Content-Type: application/json'"
                    + " -d '{\"days\": 31}'");
        }
        say("");
        say("Press Ctrl-C to stop everything.");
        new CountDownLatch(1).await(); // the shutdown hook stops the platform
    }

    /** The data directory {@code ./tirelire up} uses: {@code TIRELIRE_DATA_DIR}, or {@code .tirelire} here. */
    static Path dataDir(Map<String, String> environment) {
        String configured = environment.get("TIRELIRE_DATA_DIR");
        return (configured == null || configured.isBlank() ? Path.of(".tirelire") : Path.of(configured))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The demo turns donation-service's test clock on (unless told otherwise), with an admin token of its
     * own: its monthly gifts start months ago, and anyone trying it may move time to see the next charges.
     *
     * @return the admin token, or null when the test clock stays off
     */
    static String demoTestClock(Map<String, String> environment) {
        environment.putIfAbsent("TIRELIRE_TEST_CLOCK_ENABLED", "true");
        if (!"true".equalsIgnoreCase(environment.get("TIRELIRE_TEST_CLOCK_ENABLED"))) {
            return null;
        }
        environment.computeIfAbsent("TIRELIRE_ADMIN_TOKEN", unset -> {
            byte[] random = new byte[16];
            new java.security.SecureRandom().nextBytes(random);
            return java.util.HexFormat.of().formatHex(random);
        });
        return environment.get("TIRELIRE_ADMIN_TOKEN");
    }

    private static void summary(LocalPlatform platform) {
        PlatformEndpoints endpoints = platform.endpoints();
        say("");
        say("Tirelire is up in "
                + String.format(Locale.ROOT, "%.1f", platform.startupDuration().toMillis() / 1000.0) + " s.");
        say("  Gateway (the platform)   " + endpoints.gatewayUrl());
        say("  Emails sent              "
                + endpoints
                        .mailPage()
                        .orElse("go to your SMTP server " + endpoints.smtpHost() + ":" + endpoints.smtpPort()));
        say("  campaign-service         " + endpoints.campaignServiceUrl() + "  (loopback only)");
        say("  donation-service         " + endpoints.donationServiceUrl() + "  (loopback only)");
        say("  notification-service     " + endpoints.notificationServiceUrl() + "  (loopback only)");
        if (platform.instances() > 1) {
            say("  Instances                " + platform.instances()
                    + " each of campaign- and donation-service, sharing Kafka's partitions");
        }
        say("  Kafka                    " + endpoints.kafkaBootstrapServers());
        say("  MongoDB-wire server      " + endpoints.mongoUri());
        if (endpoints.mailPage().isPresent()) {
            say("  SMTP (mail catcher)      " + endpoints.smtpHost() + ":" + endpoints.smtpPort());
        }
        say("  Data                     " + platform.dataDir());
        say("  Payments                 sandbox (no money moves) until an organisation connects Stripe or HelloAsso");
        say("                           on /organiser/payments (docs/payments.md)");
        say("  Memory (resident)        " + memory(platform.residentBytes()));
    }

    static String memory(Map<String, Long> residentBytes) {
        if (residentBytes.isEmpty() || residentBytes.values().stream().anyMatch(bytes -> bytes < 0)) {
            return "n/a (no /proc on this system)";
        }
        long total = residentBytes.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder parts = new StringBuilder();
        residentBytes.forEach((name, bytes) ->
                parts.append(name).append(' ').append(bytes >> 20).append(" MB, "));
        return (total >> 20) + " MB in all (" + parts.substring(0, parts.length() - 2) + ")";
    }

    private static void usage() {
        say("""
                Usage: ./tirelire <command>
                  up          run the whole platform on this machine (gateway on http://localhost:8080)
                  up --demo   the same, with a demo organisation, campaigns, gifts and a collection page
                  status      from another terminal: each process's pid, port, health, uptime, restarts, memory
                  backup [FILE]
                              one archive of every database, Kafka's log and the secrets' keys, taken while
                              the platform runs (or not); FILE defaults to tirelire-backup-<date>-<time>.zip
                  restore FILE
                              fill an empty data directory (TIRELIRE_DATA_DIR) from a backup, every file checked
                  migrate --mongodb URI --kafka BOOTSTRAP
                              move the stopped platform to a real MongoDB and Kafka, keeping totals exact
                  logs NAME   follow one process's log (gateway, campaign-service, kafka…)
                  help        this text

                Environment:
                  TIRELIRE_DATA_DIR         where Kafka, MongoDB and the logs keep their files (./.tirelire)
                  TIRELIRE_<NAME>_PORT      GATEWAY 8080, CAMPAIGN 8081, DONATION 8082, NOTIFICATION 8083,
                                            KAFKA 9092, KAFKA_CONTROLLER 9093, MONGO 27017, SMTP 2525, MAIL_WEB 8025,
                                            GATEWAY_MANAGEMENT 8090 (the gateway's figures, on loopback)
                  TIRELIRE_BIND             the gateway's address (127.0.0.1; 0.0.0.0 to show it on your network)
                  TIRELIRE_START_TIMEOUT    seconds to wait for everything to be ready (180)
                  TIRELIRE_BACKUP_DIR       a backup every day into this folder while up runs (none when unset);
                                            TIRELIRE_BACKUP_AT the time (03:00), TIRELIRE_BACKUP_KEEP how many (7)
                  TIRELIRE_INSTANCES        run campaign- and donation-service as this many instances each
                                            (1; up to 4), the gateway sharing the calls between them
                  SPRING_MAIL_HOST/PORT     send emails to this SMTP server instead of the local catcher
                  any other Spring Boot property as a variable reaches the services (e.g. LOGGING_LEVEL_ROOT)""");
    }

    static void say(String line) {
        System.out.println(line);
    }
}
