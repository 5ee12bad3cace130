package org.tirelire.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tirelire.local.LocalPlatform;
import org.tirelire.local.PlatformPorts;

/**
 * One platform, started as {@code ./tirelire up} starts it, for every system test class that can share
 * it (the journeys, the web pages, the security suite): started by the first of them, stopped when the
 * whole run ends. Starting the nine processes takes about half a minute on two cores; the tests that
 * share it create their own organisations and campaigns, so they do not see each other's data.
 *
 * <p>Tests that must own their platform (killing processes, several instances) start one themselves.
 */
final class SharedPlatform implements BeforeAllCallback {

    static final Path HOME =
            Path.of(System.getProperty("tirelire.home", "..")).toAbsolutePath().normalize();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    private static volatile Running running;

    /** The platform and where its data lives (a restart reuses both the ports and the data). */
    private record Running(LocalPlatform platform, Path dataDir, PlatformPorts ports)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            running.platform().stop();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // Kept in the root store: closed once, after the last test class of the run.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    static LocalPlatform platform() {
        return running.platform();
    }

    /** The environment in which {@code ./tirelire} commands (the benchmark) find this platform running. */
    static Map<String, String> environment() {
        PlatformPorts ports = running.ports();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("TIRELIRE_GATEWAY_PORT", String.valueOf(ports.gateway()));
        environment.put("TIRELIRE_CAMPAIGN_PORT", String.valueOf(ports.campaignService()));
        environment.put("TIRELIRE_DONATION_PORT", String.valueOf(ports.donationService()));
        environment.put("TIRELIRE_NOTIFICATION_PORT", String.valueOf(ports.notificationService()));
        environment.put("TIRELIRE_KAFKA_PORT", String.valueOf(ports.kafka()));
        environment.put("TIRELIRE_KAFKA_CONTROLLER_PORT", String.valueOf(ports.kafkaController()));
        environment.put("TIRELIRE_MONGO_PORT", String.valueOf(ports.mongo()));
        environment.put("TIRELIRE_SMTP_PORT", String.valueOf(ports.smtp()));
        environment.put("TIRELIRE_MAIL_WEB_PORT", String.valueOf(ports.mailWeb()));
        environment.put("TIRELIRE_GATEWAY_MANAGEMENT_PORT", String.valueOf(ports.gatewayManagement()));
        environment.put("TIRELIRE_DATA_DIR", running.dataDir().toString());
        return environment;
    }

    /**
     * Stops the platform and starts it again on the same data and ports, as an association restarting
     * its laptop; the tests that follow use the new processes.
     */
    static LocalPlatform restart() throws Exception {
        running.platform().stop();
        running = new Running(launch(running.dataDir(), running.ports()), running.dataDir(), running.ports());
        return running.platform();
    }

    private static synchronized Running start() {
        Path dataDir = HOME.resolve("system-tests/target/platform-data-" + UUID.randomUUID());
        PlatformPorts ports = PlatformPorts.random();
        try {
            running = new Running(launch(dataDir, ports), dataDir, ports);
        } catch (Exception e) {
            throw new IllegalStateException("The shared platform did not start", e);
        }
        return running;
    }

    private static LocalPlatform launch(Path dataDir, PlatformPorts ports) throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("SPRING_MAIL_HOST"); // emails go to the platform's own mail catcher
        environment.put("TIRELIRE_PAYMENTS_STRIPE_API_BASE", StripeStandIn.apiBase());
        // The stand-in's payment page is where the giving form may send donors, besides the real ones.
        environment.put("TIRELIRE_PAGES_PAYMENT_PAGE_ORIGINS", StripeStandIn.apiBase());
        // Every process exports its sampled spans to the tests' own collector, as it would to Jaeger.
        environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", TraceCollector.endpoint());
        environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
        LocalPlatform platform = LocalPlatform.builder()
                .home(HOME)
                .dataDir(dataDir)
                .ports(ports)
                .environment(environment)
                .build()
                .start();
        System.out.printf(
                "Shared platform ready in %d ms, resident memory %s%n",
                platform.startupDuration().toMillis(), platform.residentBytes());
        return platform;
    }
}
