package org.tirelire.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.tirelire.local.demo.DemoData;
import org.tirelire.local.process.PlatformStartFailure;

/** {@code ./tirelire up [--demo]}: runs the platform in the foreground until Ctrl-C. */
public final class TirelireCommand {

    private TirelireCommand() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            usage();
            System.exit(arguments.isEmpty() || arguments.get(0).equals("help") ? 0 : 2);
        }
        boolean demo = arguments.contains("--demo");
        LocalPlatform platform = LocalPlatform.builder().home(Path.of(".")).build();
        say("Starting Tirelire (data in " + platform.dataDir() + ", logs in "
                + platform.dataDir().resolve("logs") + ")…");
        try {
            platform.start();
        } catch (PlatformStartFailure failure) {
            say("");
            say("Tirelire did not start: " + failure.getMessage());
            say("Last lines of " + failure.part().logFile() + ":");
            failure.part().lastLogLines(40).forEach(line -> say("  " + line));
            System.exit(1);
        } catch (IllegalStateException cannotStart) {
            say("Tirelire did not start: " + cannotStart.getMessage());
            System.exit(1);
        }
        PlatformEndpoints endpoints = platform.endpoints();
        say("");
        say("Tirelire is up in "
                + String.format(Locale.ROOT, "%.1f", platform.startupDuration().toMillis() / 1000.0) + " s.");
        say("  Gateway (the platform)   " + endpoints.gatewayUrl());
        say("  Emails sent              "
                + (endpoints.smtpPort() > 0 && endpoints.smtpHost().equals("127.0.0.1")
                        ? endpoints.mailWebUrl()
                        : "SMTP " + endpoints.smtpHost() + ":" + endpoints.smtpPort()));
        say("  campaign-service         " + endpoints.campaignServiceUrl() + "  (loopback only)");
        say("  donation-service         " + endpoints.donationServiceUrl() + "  (loopback only)");
        say("  notification-service     " + endpoints.notificationServiceUrl() + "  (loopback only)");
        say("  Kafka                    " + endpoints.kafkaBootstrapServers());
        say("  MongoDB-wire server      " + endpoints.mongoUri());
        say("  Payments                 SANDBOX provider: no money moves (pm_sandbox_ok, pm_sandbox_declined)");
        say("  Memory (resident)        " + memory(platform.residentBytes()));
        if (demo) {
            say("");
            new DemoData(endpoints.gatewayUrl(), TirelireCommand::say).load();
        }
        say("");
        say("Press Ctrl-C to stop everything.");
        new CountDownLatch(1).await(); // the shutdown hook stops the platform
    }

    private static String memory(Map<String, Long> residentBytes) {
        if (residentBytes.values().stream().anyMatch(bytes -> bytes < 0)) {
            return "n/a on this system";
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
                  help        this text
                Environment: TIRELIRE_DATA_DIR (default ./.tirelire), TIRELIRE_<NAME>_PORT, and any Spring Boot
                property as an environment variable (e.g. SPRING_MAIL_HOST to send real emails).""");
    }

    static void say(String line) {
        System.out.println(line);
    }
}
