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
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.local.backup.BackupManifest;
import org.tirelire.local.backup.PlatformBackup;
import org.tirelire.local.kafka.KafkaBroker;
import org.tirelire.local.mail.MailServerMain;
import org.tirelire.local.mongo.MongoWireServerMain;
import org.tirelire.local.process.ChildProcess;
import org.tirelire.local.process.JavaCommand;
import org.tirelire.local.process.ParentWatch;
import org.tirelire.local.process.PlatformStartFailure;
import org.tirelire.local.process.RestartPolicy;
import org.tirelire.local.secrets.DataDirectoryKeys;
import org.tirelire.local.services.Service;
import org.tirelire.local.services.ServiceEnvironment;
import org.tirelire.local.services.StartupArchive;

/**
 * The whole platform on one machine without Docker: a Kafka broker, a MongoDB-wire server, a mail
 * catcher and the four services, each its own operating-system process. {@link #start()} returns once
 * the gateway and every service are ready; {@link #stop()} (also run on Ctrl-C or SIGTERM) stops
 * everything, services first and Kafka last.
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.builder().home(repoRoot).randomPorts().build().start()) {
 *     String gateway = platform.endpoints().gatewayUrl();
 * }
 * }</pre>
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String KAFKA = "kafka";
    private static final String MONGO = "mongo";
    private static final String MAIL = "mail";
    /** The four trainings took two minutes on two cores shared with another platform's start. */
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path dataDir;
    private final PlatformPorts ports;
    private final Map<String, String> userEnvironment;
    private final Duration startTimeout;
    private final int instances;
    private final boolean mailCatcher;
    /** Kafka and MongoDB only, no mail catcher nor services: what {@code ./tirelire migrate} reads from. */
    private final boolean storesOnly;

    private final ProcessLedger ledger;
    private final List<ChildProcess> running = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Thread stopOnExit = new Thread(this::stop, "tirelire-stop");
    private volatile boolean stopping;
    /** Each service process by name ("donation-service", "donation-service-2"…) with its HTTP port. */
    private final Map<String, Integer> serviceProcessPorts = new LinkedHashMap<>();

    private KafkaBroker kafka;
    private PlatformEndpoints endpoints;
    private Duration startupDuration;

    private LocalPlatform(Builder builder) {
        this.home = builder.home.toAbsolutePath().normalize();
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.ports = builder.ports;
        this.userEnvironment = Map.copyOf(builder.environment);
        this.startTimeout = builder.startTimeout;
        this.instances = builder.instances;
        this.storesOnly = builder.storesOnly;
        this.mailCatcher = !storesOnly && !ServiceEnvironment.namesMailServer(userEnvironment);
        this.ledger = new ProcessLedger(dataDir.resolve("run").resolve("pids"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts Kafka, MongoDB and the mail catcher, then, once they are ready, the four services
     * together. Returns when all are ready. On any failure everything started is stopped again and a
     * {@link PlatformStartFailure} names the part, whose log tells why; an {@link IllegalStateException}
     * means nothing could be started (a port in use, a jar not built, the platform already running).
     */
    public LocalPlatform start() throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + startTimeout.toNanos();
        stopping = false;
        Files.createDirectories(dataDir);
        refuseToStartTwice();
        requireFreePorts();
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        for (Service service : storesOnly ? new Service[0] : Service.values()) {
            jars.put(service, service.requireExecutableJar(home));
        }
        ledger.stopLeftovers();
        Path logs = dataDir.resolve("logs");
        List<String> watchParent = List.of(ParentWatch.jvmFlag(dataDir.resolve("run")));
        // Kafka, MongoDB and the services: the JIT asked for, and the watch that stops them with the launcher.
        List<String> longRunning = JavaCommand.flags(JavaCommand.jit(userEnvironment), watchParent);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            kafka = new KafkaBroker(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController(), longRunning);
            ChildProcess broker = track(kafka.start(logs));
            // The MongoDB-wire server's heap holds the store's page cache and what waits to be written: at 192 MB,
            // a primed bench filled it and every young collection took 90 ms (ADR 42).
            ChildProcess mongo = track(new ChildProcess(
                            MONGO,
                            JavaCommand.mainClass(
                                    JavaCommand.flags(List.of("-Xmx320m", "-XX:+UseSerialGC", "-Xss512k"), longRunning),
                                    MongoWireServerMain.class.getName(),
                                    List.of(
                                            String.valueOf(ports.mongo()),
                                            dataDir.resolve("mongo")
                                                    .resolve("tirelire.mv")
                                                    .toString())),
                            Map.of(),
                            logs.resolve("mongo.log"))
                    .start());
            Map<ChildProcess, BooleanSupplier> infrastructure = new LinkedHashMap<>();
            infrastructure.put(broker, kafka::isReady);
            infrastructure.put(mongo, () -> listens(ports.mongo()));
            if (mailCatcher) {
                ChildProcess mail = track(new ChildProcess(
                                MAIL,
                                JavaCommand.mainClass(
                                        JavaCommand.flags(
                                                List.of(
                                                        "-Xmx128m",
                                                        "-XX:+UseSerialGC",
                                                        "-XX:TieredStopAtLevel=1",
                                                        "-Xss512k"),
                                                watchParent),
                                        MailServerMain.class.getName(),
                                        List.of(String.valueOf(ports.smtp()), String.valueOf(ports.mailWeb()))),
                                Map.of(),
                                logs.resolve("mail.log"))
                        .start());
                infrastructure.put(mail, () -> listens(ports.smtp()) && listens(ports.mailWeb()));
            }
            awaitReady(infrastructure, deadline);
            kafka.createTopics();
            if (storesOnly) {
                log.info("Kafka and MongoDB ready in {} s", secondsSince(started));
                endpoints = PlatformEndpoints.of(ports, false, userEnvironment);
                startupDuration = Duration.ofNanos(System.nanoTime() - started);
                return this;
            }
            log.info("Kafka, MongoDB and mail ready in {} s; starting the services", secondsSince(started));

            // The services do not call each other while booting, so they start together.
            Map<Service, List<Integer>> extraInstances = extraInstancePorts();
            ServiceEnvironment environment = new ServiceEnvironment(
                    servicePorts(),
                    extraInstances,
                    ports.kafka(),
                    ports.mongo(),
                    ports.smtp(),
                    userEnvironment,
                    DataDirectoryKeys.paymentsCredentials(dataDir),
                    DataDirectoryKeys.signInSecrets(dataDir));
            List<String> serviceFlags = JavaCommand.flags(JavaCommand.SERVICE_FLAGS, longRunning);
            // A build's first start trains each service once; the deadline is for the start, not for that.
            long trainingStarted = System.nanoTime();
            Map<Service, StartupArchive.Launch> launches = launches(jars, environment, logs);
            deadline += System.nanoTime() - trainingStarted;
            Map<ChildProcess, BooleanSupplier> services = new LinkedHashMap<>();
            for (Service service : Service.values()) {
                List<Integer> instancePorts = new ArrayList<>();
                instancePorts.add(portOf(service));
                instancePorts.addAll(extraInstances.getOrDefault(service, List.of()));
                for (int instance = 1; instance <= instancePorts.size(); instance++) {
                    String name = instance == 1 ? service.module() : service.module() + "-" + instance;
                    int port = instancePorts.get(instance - 1);
                    serviceProcessPorts.put(name, port);
                    ChildProcess process = track(new ChildProcess(
                                    name,
                                    launches.get(service).command(serviceFlags),
                                    environmentOf(environment, service, port),
                                    logs.resolve(name + ".log"))
                            .start());
                    services.put(process, readiness(port));
                }
            }
            awaitReady(services, deadline);
        } catch (IOException | InterruptedException | RuntimeException failure) {
            stop();
            throw failure;
        }
        endpoints = PlatformEndpoints.of(ports, mailCatcher, userEnvironment);
        startupDuration = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    /** Stops everything this platform started, services first and Kafka last; safe to call twice. */
    public synchronized void stop() {
        stopping = true;
        List<ChildProcess> reverse = new ArrayList<>(running);
        Collections.reverse(reverse);
        // Services stop together (each finishes its own work within the grace period)…
        List<Thread> stoppingServices = new ArrayList<>();
        for (ChildProcess part : reverse) {
            if (isService(part.name())) {
                Thread thread = new Thread(() -> part.stop(STOP_GRACE), "tirelire-stop-" + part.name());
                thread.start();
                stoppingServices.add(thread);
            }
        }
        for (Thread thread : stoppingServices) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // …then the infrastructure one by one: mail, MongoDB, and Kafka, which the others wrote to, last.
        reverse.stream().filter(part -> !isService(part.name())).forEach(part -> part.stop(STOP_GRACE));
        running.clear();
        ledger.forget();
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

    /** From the call to {@link #start()} to the gateway being ready. */
    public Duration startupDuration() {
        return startupDuration;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Resident memory of every process started, by name, in bytes; -1 where /proc cannot tell. */
    public Map<String, Long> residentBytes() {
        Map<String, Long> memory = new LinkedHashMap<>();
        running.forEach(part -> memory.put(part.name(), part.residentBytes()));
        return memory;
    }

    /** Process ids of every part started, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach(part -> pids.put(part.name(), part.pid()));
        return pids;
    }

    /**
     * Writes a backup archive of this running platform without stopping it ({@link PlatformBackup}), as
     * {@code ./tirelire backup} does from another process; the daily backups call it.
     */
    public BackupManifest backupTo(Path archive) throws IOException {
        Long kafkaPid = pids().get(KAFKA);
        if (kafkaPid == null || kafkaPid <= 0) {
            throw new IllegalStateException("Kafka is not running: start the platform before backing it up");
        }
        return PlatformBackup.write(dataDir, new PlatformBackup.RunningParts(kafkaPid, ports.mongo()), archive);
    }

    /** Process ids of the parts of the platform running on {@code dataDir}, as its launcher recorded them. */
    public static Map<String, Long> recordedPids(Path dataDir) throws IOException {
        return new ProcessLedger(dataDir.resolve("run").resolve("pids")).recorded();
    }

    /** The names of the parts started, in the order they were: "kafka", "mongo", "mail", the services. */
    public List<String> partNames() {
        return running.stream().map(ChildProcess::name).toList();
    }

    /** The port a part serves on: a service's HTTP port, Kafka's, MongoDB's, the mail catcher's SMTP port. */
    public Optional<Integer> portOf(String part) {
        return switch (part) {
            case KAFKA -> Optional.of(ports.kafka());
            case MONGO -> Optional.of(ports.mongo());
            case MAIL -> Optional.of(ports.smtp());
            default -> Optional.ofNullable(serviceProcessPorts.get(part));
        };
    }

    public boolean isStopping() {
        return stopping;
    }

    /**
     * Starts again any part that exits, as {@code ./tirelire up} does, until the returned supervisor is
     * closed or the platform stops; {@code say} tells the console.
     */
    public Supervisor supervise(java.util.function.Consumer<String> say) {
        return new Supervisor(this, RestartPolicy.DEFAULT, say, java.time.Clock.systemUTC()).start();
    }

    /** The running process of one part (for fault-injection tests), by name: "kafka", "gateway"… */
    public Optional<ChildProcess> part(String name) {
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
        if (stopping) {
            throw new IllegalStateException("Tirelire is stopping: " + name + " is not started again");
        }
        ChildProcess part = part(name).orElseThrow();
        part.start();
        ledger.record(running);
        BooleanSupplier ready = switch (name) {
            case KAFKA -> kafka::isReady;
            case MONGO -> () -> listens(ports.mongo());
            case MAIL -> () -> listens(ports.smtp()) && listens(ports.mailWeb());
            default -> readiness(serviceProcessPorts.get(name));
        };
        part.awaitReady(ready, startTimeout);
    }

    /** Remembers a started part, in memory and in the ledger; a part started while stopping is stopped. */
    private ChildProcess track(ChildProcess part) throws IOException {
        running.add(part);
        ledger.record(running);
        if (stopping) {
            throw new IllegalStateException("Tirelire is stopping: " + part.name() + " is not started");
        }
        return part;
    }

    /** Polls every part until all are ready; fails as soon as one exits, or at the deadline. */
    private void awaitReady(Map<ChildProcess, BooleanSupplier> parts, long deadline) throws InterruptedException {
        Map<ChildProcess, BooleanSupplier> pending = new LinkedHashMap<>(parts);
        while (true) {
            if (stopping) {
                throw new IllegalStateException("Tirelire was stopped while starting");
            }
            pending.entrySet().removeIf(part -> {
                boolean ready = part.getValue().getAsBoolean();
                if (ready) {
                    part.getKey().markReady();
                }
                return ready;
            });
            if (pending.isEmpty()) {
                return;
            }
            pending.keySet().forEach(ChildProcess::failIfExited);
            if (System.nanoTime() > deadline) {
                ChildProcess first = pending.keySet().iterator().next();
                String names = pending.keySet().stream().map(ChildProcess::name).collect(Collectors.joining(", "));
                throw new PlatformStartFailure(
                        "not ready after " + startTimeout.toSeconds() + " s: " + names
                                + " (TIRELIRE_START_TIMEOUT sets the limit in seconds)",
                        first);
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    private Map<Service, Integer> servicePorts() {
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            servicePorts.put(service, portOf(service));
        }
        return servicePorts;
    }

    /**
     * Ports for the second and further instances of the services that scale out (campaign- and
     * donation-service share their work through Kafka consumer groups): free ports, known only to the
     * gateway, which balances calls between the instances.
     */
    private Map<Service, List<Integer>> extraInstancePorts() {
        Map<Service, List<Integer>> extra = new EnumMap<>(Service.class);
        for (Service service : Service.SCALABLE) {
            List<Integer> instancePorts = new ArrayList<>();
            for (int instance = 2; instance <= instances; instance++) {
                instancePorts.add(PlatformPorts.freePort());
            }
            extra.put(service, instancePorts);
        }
        return extra;
    }

    /** Whether the part is one of the services (rather than Kafka, MongoDB or the mail catcher). */
    public boolean isService(String processName) {
        return serviceProcessPorts.containsKey(processName);
    }

    /** How many instances of campaign- and donation-service run. */
    public int instances() {
        return instances;
    }

    private void refuseToStartTwice() throws IOException {
        Optional<ProcessHandle> launcher = ledger.runningLauncher();
        if (launcher.isPresent()) {
            throw new IllegalStateException("Tirelire is already running on the data directory " + dataDir
                    + " (launcher pid " + launcher.get().pid() + "): stop it first (Ctrl-C in its terminal, or kill "
                    + launcher.get().pid() + "), or use another TIRELIRE_DATA_DIR.");
        }
    }

    private void requireFreePorts() {
        Set<String> skipped = mailCatcher ? Set.of() : Set.of("SMTP", "mail web page");
        List<String> problems = ports.problems(skipped);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
    }

    /**
     * How each service starts: from its startup archive (ADR 40), made first, all services at once, where
     * this build and this Java have none yet; from its executable jar where archives are turned off.
     */
    private Map<Service, StartupArchive.Launch> launches(
            Map<Service, Path> jars, ServiceEnvironment environment, Path logs) throws InterruptedException {
        boolean archives = !"false".equalsIgnoreCase(userEnvironment.getOrDefault("TIRELIRE_STARTUP_ARCHIVES", ""));
        Map<Service, StartupArchive.Launch> launches = new EnumMap<>(Service.class);
        Map<Service, Future<StartupArchive.Launch>> training = new EnumMap<>(Service.class);
        ExecutorService trainers = Executors.newCachedThreadPool();
        try {
            for (Service service : jars.keySet()) {
                StartupArchive archive = StartupArchive.of(service, jars.get(service), JavaCommand.SERVICE_FLAGS);
                Optional<StartupArchive.Launch> ready =
                        archives ? archive.ready() : Optional.of(archive.withoutArchive());
                if (ready.isPresent()) {
                    launches.put(service, ready.get());
                } else {
                    Map<String, String> env = environmentOf(environment, service, portOf(service));
                    Path log = logs.resolve(service.module() + ".log");
                    // Trained without the parent watch: a Java agent keeps the JVM from archiving, and the training
                    // ends by itself.
                    training.put(service, trainers.submit(() -> archive.prepare(env, log, TRAINING_TIMEOUT)));
                }
            }
            if (!training.isEmpty()) {
                log.info("Making the startup archives of {} (once per build and Java)…", training.keySet());
            }
            for (Map.Entry<Service, Future<StartupArchive.Launch>> trained : training.entrySet()) {
                launches.put(trained.getKey(), trained.getValue().get());
            }
        } catch (ExecutionException unexpected) {
            throw new IllegalStateException(unexpected.getCause());
        } finally {
            trainers.shutdownNow();
        }
        return launches;
    }

    /** A service instance's environment; the gateway's actuator gets its own loopback port. */
    private Map<String, String> environmentOf(ServiceEnvironment environment, Service service, int port) {
        Map<String, String> env = environment.instance(service, port);
        if (service == Service.GATEWAY) {
            env.put("TIRELIRE_GATEWAY_MANAGEMENT_PORT", String.valueOf(ports.gatewayManagement()));
            env.put("TIRELIRE_GATEWAY_MANAGEMENT_ADDRESS", "127.0.0.1");
        }
        return env;
    }

    private int portOf(Service service) {
        return switch (service) {
            case CAMPAIGN -> ports.campaignService();
            case DONATION -> ports.donationService();
            case NOTIFICATION -> ports.notificationService();
            case GATEWAY -> ports.gateway();
        };
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

    private static String secondsSince(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - nanos) / 1e9);
    }

    public static final class Builder {

        private Path home = Path.of(".");
        private Path dataDir;
        private PlatformPorts ports;
        private Map<String, String> environment = System.getenv();
        private Duration startTimeout;
        private int instances;
        private boolean storesOnly;

        /** The repository root, where the service jars are built. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** Default: {@code TIRELIRE_DATA_DIR}, or {@code .tirelire} in the repository root. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Default: {@link PlatformPorts#fromEnvironment} on the environment given. */
        public Builder ports(PlatformPorts ports) {
            this.ports = ports;
            return this;
        }

        /** Free ports chosen at random, so that a test never collides with a platform already running. */
        public Builder randomPorts() {
            return ports(PlatformPorts.random());
        }

        /** The environment passed on to the services (Spring Boot properties as variables). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Default: {@code TIRELIRE_START_TIMEOUT} seconds, or 180 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /**
         * Default: {@code TIRELIRE_INSTANCES}, or 1. With 2 or more, campaign- and donation-service each
         * run as that many processes, sharing Kafka's partitions, and the gateway balances calls to them.
         */
        public Builder instances(int instances) {
            if (instances < 1 || instances > 4) {
                throw new IllegalArgumentException("instances must be between 1 and 4, not " + instances);
            }
            this.instances = instances;
            return this;
        }

        /** Starts Kafka and MongoDB on the data directory, and nothing else. */
        public Builder storesOnly() {
            this.storesOnly = true;
            return this;
        }

        public LocalPlatform build() {
            if (dataDir == null) {
                String configured = environment.get("TIRELIRE_DATA_DIR");
                dataDir = configured == null || configured.isBlank() ? home.resolve(".tirelire") : Path.of(configured);
            }
            if (ports == null) {
                ports = PlatformPorts.fromEnvironment(environment::get);
            }
            if (startTimeout == null) {
                String seconds = environment.get("TIRELIRE_START_TIMEOUT");
                try {
                    startTimeout = Duration.ofSeconds(
                            seconds == null || seconds.isBlank() ? 180 : Long.parseLong(seconds.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(
                            "TIRELIRE_START_TIMEOUT=" + seconds + " is not a number of seconds");
                }
            }
            if (instances == 0) {
                String configured = environment.get("TIRELIRE_INSTANCES");
                try {
                    instances(configured == null || configured.isBlank() ? 1 : Integer.parseInt(configured.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("TIRELIRE_INSTANCES=" + configured + ": a number from 1 to 4");
                }
            }
            return new LocalPlatform(this);
        }
    }
}
