package org.tirelire.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.local.kafka.KafkaBroker;
import org.tirelire.local.mail.MailServerMain;
import org.tirelire.local.mongo.MongoWireServerMain;
import org.tirelire.local.process.ChildProcess;
import org.tirelire.local.process.JavaCommand;

/**
 * The whole platform on one machine without Docker: a Kafka broker, a MongoDB-wire server, an SMTP
 * server and the four services, each its own process. {@link #start()} returns once the gateway is
 * ready; {@link #stop()} (also run on Ctrl-C) stops everything, services first, Kafka last.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final List<String> SERVICES =
            List.of("campaign-service", "donation-service", "notification-service", "gateway");

    private final Path home;
    private final Path dataDir;
    private final PlatformPorts ports;
    private final Map<String, String> userEnvironment;
    private final Duration startTimeout;
    private final List<ChildProcess> running = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Thread stopOnExit = new Thread(this::stop, "tirelire-stop");
    private PlatformEndpoints endpoints;
    private Duration startupDuration;

    private LocalPlatform(Builder builder) {
        this.home = builder.home.toAbsolutePath().normalize();
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.ports = builder.ports;
        this.userEnvironment = Map.copyOf(builder.environment);
        this.startTimeout = builder.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized LocalPlatform start() throws IOException, InterruptedException {
        long started = System.nanoTime();
        ProcessLedger ledger = new ProcessLedger(dataDir.resolve("run").resolve("pids"));
        ledger.stopLeftovers();
        requireFreePorts();
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Path logs = dataDir.resolve("logs");
        try {
            KafkaBroker kafka = new KafkaBroker(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
            track(kafka.start(logs));
            ChildProcess mongo = track(new ChildProcess(
                            "mongo",
                            JavaCommand.mainClass(
                                    List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
                                    MongoWireServerMain.class.getName(),
                                    List.of(
                                            String.valueOf(ports.mongo()),
                                            dataDir.resolve("mongo")
                                                    .resolve("tirelire.mv")
                                                    .toString())),
                            Map.of(),
                            logs.resolve("mongo.log"))
                    .start());
            Optional<ChildProcess> mail = externalMailHost().isPresent()
                    ? Optional.empty()
                    : Optional.of(track(new ChildProcess(
                                    "mail",
                                    JavaCommand.mainClass(
                                            List.of(
                                                    "-Xmx64m",
                                                    "-XX:+UseSerialGC",
                                                    "-XX:TieredStopAtLevel=1",
                                                    "-Xss512k"),
                                            MailServerMain.class.getName(),
                                            List.of(String.valueOf(ports.smtp()), String.valueOf(ports.mailWeb()))),
                                    Map.of(),
                                    logs.resolve("mail.log"))
                            .start()));
            // The services take far longer to boot than Kafka and MongoDB, so they start at once:
            // by the time they connect, the infrastructure is there.
            List<ChildProcess> services = new ArrayList<>();
            for (String service : SERVICES) {
                services.add(track(new ChildProcess(
                                service,
                                JavaCommand.executableJar(jarOf(service), JavaCommand.SERVICE_FLAGS),
                                environmentOf(service),
                                logs.resolve(service + ".log"))
                        .start()));
            }
            ledger.record(running);

            kafka.awaitReadyAndCreateTopics(startTimeout);
            mongo.awaitReady(() -> listens(ports.mongo()), startTimeout);
            if (mail.isPresent()) {
                mail.get().awaitReady(() -> listens(ports.smtp()), startTimeout);
            }
            for (ChildProcess service : services) {
                service.awaitReady(readiness(portOf(service.name())), startTimeout);
            }
        } catch (IOException | RuntimeException failure) {
            stop();
            throw failure;
        }
        endpoints = PlatformEndpoints.of(
                ports,
                externalMailHost().orElse("127.0.0.1"),
                externalMailHost().isPresent()
                        ? Integer.parseInt(userEnvironment.getOrDefault("SPRING_MAIL_PORT", "25"))
                        : ports.smtp());
        startupDuration = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    /** Stops everything this platform started, services first and Kafka last; safe to call twice. */
    public synchronized void stop() {
        List<ChildProcess> reverse = new ArrayList<>(running);
        java.util.Collections.reverse(reverse);
        // Services stop together (each drains its own work), then the infrastructure one by one.
        List<Thread> stopping = new ArrayList<>();
        for (ChildProcess part : reverse) {
            if (SERVICES.contains(part.name())) {
                Thread thread = new Thread(() -> part.stop(STOP_GRACE));
                thread.start();
                stopping.add(thread);
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reverse.stream().filter(p -> !SERVICES.contains(p.name())).forEach(p -> p.stop(STOP_GRACE));
        running.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // already running as the shutdown hook
        }
    }

    @Override
    public void close() {
        stop();
    }

    public PlatformEndpoints endpoints() {
        return Objects.requireNonNull(endpoints, "the platform is not started");
    }

    public Duration startupDuration() {
        return startupDuration;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Resident memory of every process started, by name, in bytes; -1 where /proc cannot tell. */
    public synchronized Map<String, Long> residentBytes() {
        Map<String, Long> memory = new java.util.LinkedHashMap<>();
        running.forEach(part -> memory.put(part.name(), part.residentBytes()));
        return memory;
    }

    /** The running process of one part (for fault-injection tests), by name: "kafka", "gateway"… */
    public synchronized Optional<ChildProcess> part(String name) {
        return running.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Kills one part as {@code kill -9} would (for fault-injection tests): "kafka", "mongo", a service's name. */
    public synchronized void kill(String name) {
        part(name).orElseThrow().killHard();
    }

    /** Stops one part gracefully, as SIGTERM would. */
    public synchronized void stopPart(String name) {
        part(name).orElseThrow().stop(STOP_GRACE);
    }

    /** Starts a killed or stopped part again, with the same command and data, and waits until it is ready. */
    public void restart(String name) throws IOException, InterruptedException {
        ChildProcess part = part(name).orElseThrow();
        part.start();
        switch (name) {
            case "kafka" -> part.awaitReady(() -> listens(ports.kafka()), startTimeout);
            case "mongo" -> part.awaitReady(() -> listens(ports.mongo()), startTimeout);
            case "mail" -> part.awaitReady(() -> listens(ports.smtp()), startTimeout);
            default -> part.awaitReady(readiness(portOf(name)), startTimeout);
        }
    }

    private ChildProcess track(ChildProcess part) {
        running.add(part);
        return part;
    }

    private Map<String, String> environmentOf(String service) {
        Map<String, String> env = new HashMap<>();
        // What the user set reaches the services (any Spring Boot property as an environment variable)…
        env.putAll(userEnvironment);
        env.putIfAbsent("SPRING_PROFILES_ACTIVE", "embedded");
        env.putIfAbsent("SERVER_ADDRESS", "127.0.0.1");
        env.putIfAbsent("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "127.0.0.1:" + ports.kafka());
        env.putIfAbsent("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        env.putIfAbsent("TIRELIRE_JWKS_URI", "http://127.0.0.1:" + ports.gateway() + "/.well-known/jwks.json");
        // …but each service's port and database are the launcher's, or two services would collide.
        env.put("SERVER_PORT", String.valueOf(portOf(service)));
        env.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + ports.mongo() + "/" + databaseOf(service));
        switch (service) {
            case "notification-service" -> {
                env.putIfAbsent("SPRING_MAIL_HOST", "127.0.0.1");
                env.putIfAbsent("SPRING_MAIL_PORT", String.valueOf(ports.smtp()));
                env.putIfAbsent("TIRELIRE_PUBLIC_BASE_URL", "http://localhost:" + ports.gateway());
            }
            case "gateway" -> {
                env.put("TIRELIRE_SERVICES_CAMPAIGN_URI", "http://127.0.0.1:" + ports.campaignService());
                env.put("TIRELIRE_SERVICES_DONATION_URI", "http://127.0.0.1:" + ports.donationService());
                env.put("TIRELIRE_SERVICES_NOTIFICATION_URI", "http://127.0.0.1:" + ports.notificationService());
            }
            default -> {}
        }
        return env;
    }

    private Optional<String> externalMailHost() {
        return Optional.ofNullable(userEnvironment.get("SPRING_MAIL_HOST")).filter(host -> !host.isBlank());
    }

    private int portOf(String service) {
        return switch (service) {
            case "campaign-service" -> ports.campaignService();
            case "donation-service" -> ports.donationService();
            case "notification-service" -> ports.notificationService();
            case "gateway" -> ports.gateway();
            default -> throw new IllegalArgumentException(service);
        };
    }

    private static String databaseOf(String service) {
        return switch (service) {
            case "campaign-service" -> "tirelire-campaigns";
            case "donation-service" -> "tirelire-donations";
            case "notification-service" -> "tirelire-notifications";
            default -> "tirelire-gateway";
        };
    }

    private Path jarOf(String service) {
        Path jar = home.resolve(service).resolve("target").resolve(service + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests install");
        }
        return jar;
    }

    private void requireFreePorts() {
        ports.byPurpose().forEach((purpose, port) -> {
            if (purpose.equals("SMTP") || purpose.equals("mail web page")) {
                if (externalMailHost().isPresent()) {
                    return;
                }
            }
            if (PlatformPorts.inUse(port)) {
                throw new IllegalStateException("Port " + port + " (" + purpose + ") is in use: is Tirelire already"
                        + " running? Stop it, or choose another port with TIRELIRE_<NAME>_PORT.");
            }
        });
    }

    private BooleanSupplier readiness(int port) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        return () -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(2))
                        .build();
                return http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static final class Builder {

        private Path home = Path.of(".");
        private Path dataDir;
        private PlatformPorts ports = PlatformPorts.fromEnvironment(System::getenv);
        private Map<String, String> environment = System.getenv();
        private Duration startTimeout = Duration.ofSeconds(180);

        /** The repository root, where the service jars are built. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder ports(PlatformPorts ports) {
            this.ports = ports;
            return this;
        }

        public Builder randomPorts() {
            return ports(PlatformPorts.random());
        }

        /** The environment passed on to the services (Spring Boot properties as variables). */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public LocalPlatform build() {
            if (dataDir == null) {
                String configured = environment.get("TIRELIRE_DATA_DIR");
                dataDir = configured == null || configured.isBlank() ? home.resolve(".tirelire") : Path.of(configured);
            }
            return new LocalPlatform(this);
        }
    }
}
