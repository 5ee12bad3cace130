package org.tirelire.local.kafka;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.tirelire.local.process.ChildProcess;
import org.tirelire.local.process.JavaCommand;
import org.tirelire.local.process.PlatformStartFailure;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one process) on loopback, with
 * its log under the data directory so events survive a restart. The storage is formatted once, on
 * first start, with a cluster id kept beside it.
 *
 * <p>The quorum is static ({@code controller.quorum.voters}), not a dynamic one formatted with
 * {@code --standalone}: a dynamic quorum records the controller's address in the metadata log, so the
 * data directory could not be reused with another controller port.
 */
public final class KafkaBroker {

    public static final List<String> TOPICS = List.of(
            "tirelire.campaign-events",
            "tirelire.campaign-progress",
            "tirelire.donation-events",
            "tirelire.fundraiser-events",
            "tirelire.member-events",
            "tirelire.audit-events");
    public static final int PARTITIONS = 4;

    private static final List<String> JVM_FLAGS =
            List.of("-Xmx512m", "-Xms128m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=logback-kafka.xml");

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final List<String> extraJvmFlags;
    private ChildProcess process;

    /**
     * @param directory the broker's own folder in the data directory
     * @param extraJvmFlags added to the broker's command line (the parent watch, the JIT)
     */
    public KafkaBroker(Path directory, int port, int controllerPort, List<String> extraJvmFlags) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.extraJvmFlags = List.copyOf(extraJvmFlags);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Writes the configuration, formats the storage if it never was, and starts the broker. */
    public ChildProcess start(Path logDirectory) throws IOException, InterruptedException {
        Path config = writeConfiguration();
        formatStorageOnce(config, logDirectory);
        process = new ChildProcess(
                        "kafka",
                        JavaCommand.mainClass(
                                JavaCommand.flags(JVM_FLAGS, extraJvmFlags), "kafka.Kafka", List.of(config.toString())),
                        Map.of(),
                        logDirectory.resolve("kafka.log"))
                .start();
        return process;
    }

    /** Ready once it accepts connections and an admin client can list topics. */
    public boolean isReady() {
        if (!listens()) {
            return false;
        }
        try (Admin admin = admin()) {
            admin.listTopics().names().get(3, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes sure the platform's topics exist with their partitions (auto-creation would also give 4). */
    public void createTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) { // created meanwhile by a client: fine
                throw new PlatformStartFailure(
                        "Kafka is up but its topics could not be created: " + e.getCause(), process);
            }
        } catch (TimeoutException e) {
            throw new PlatformStartFailure("Kafka is up but its topics could not be created in time", process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartFailure("interrupted while creating Kafka topics", process);
        }
    }

    /** Waits for {@link #isReady()}, then creates the topics. */
    public void awaitReadyAndCreateTopics(Duration timeout) throws InterruptedException {
        process.awaitReady(this::isReady, timeout);
        createTopics();
    }

    public Set<String> topics() throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    public ChildProcess process() {
        return process;
    }

    private boolean listens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
    }

    private Path writeConfiguration() throws IOException {
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("node.id", "1");
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("log.dirs", dataDirectory().toString());
        properties.setProperty("num.partitions", String.valueOf(PARTITIONS));
        properties.setProperty("auto.create.topics.enable", "true");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // One broker: every internal topic has one replica, and few partitions.
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "4");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "4");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.num.partitions", "4");
        // The compaction buffer is 128 MB by default, allocated up front: far more than a laptop run needs.
        properties.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        properties.setProperty("num.network.threads", "2");
        properties.setProperty("num.io.threads", "4");
        Path file = directory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "Written by ./tirelire up on every start");
        }
        return file;
    }

    private Path dataDirectory() {
        return directory.resolve("data");
    }

    private void formatStorageOnce(Path config, Path logDirectory) throws IOException, InterruptedException {
        if (Files.exists(dataDirectory().resolve("meta.properties"))) {
            return;
        }
        // The cluster id is kept so that a half-finished first start formats with the same id again.
        Path clusterIdFile = directory.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).strip();
        ChildProcess format = new ChildProcess(
                        "kafka-storage-format",
                        JavaCommand.mainClass(
                                JavaCommand.flags(
                                        List.of(
                                                "-Xmx256m",
                                                "-XX:+UseSerialGC",
                                                "-XX:TieredStopAtLevel=1",
                                                "-Dlogback.configurationFile=logback-kafka.xml"),
                                        extraJvmFlags),
                                "kafka.tools.StorageTool",
                                List.of("format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted")),
                        Map.of(),
                        logDirectory.resolve("kafka.log"))
                .start();
        format.awaitExit(Duration.ofSeconds(60));
    }
}
