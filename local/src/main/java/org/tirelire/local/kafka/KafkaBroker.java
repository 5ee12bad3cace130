package org.tirelire.local.kafka;

import java.io.IOException;
import java.io.Writer;
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
 */
public final class KafkaBroker {

    public static final List<String> TOPICS =
            List.of("tirelire.campaign-events", "tirelire.donation-events", "tirelire.fundraiser-events");
    public static final int PARTITIONS = 4;

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    public KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess start(Path logDirectory) throws IOException, InterruptedException {
        Path config = writeConfiguration();
        formatStorageOnce(config, logDirectory);
        process = new ChildProcess(
                        "kafka",
                        JavaCommand.mainClass(
                                List.of(
                                        "-Xmx320m",
                                        "-Xms64m",
                                        "-XX:+UseSerialGC",
                                        "-XX:TieredStopAtLevel=1",
                                        "-Dlogback.configurationFile=logback-kafka.xml"),
                                "kafka.Kafka",
                                List.of(config.toString())),
                        Map.of(),
                        logDirectory.resolve("kafka.log"))
                .start();
        return process;
    }

    /** Ready once an admin client can talk to it; then makes sure our topics exist with their partitions. */
    public void awaitReadyAndCreateTopics(Duration timeout) throws InterruptedException {
        process.awaitReady(this::answers, timeout);
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
            if (!(e.getCause() instanceof TopicExistsException)) { // a service created it first: fine
                throw new PlatformStartFailure(
                        "Kafka is up but its topics could not be created: " + e.getMessage(), process);
            }
        } catch (TimeoutException e) {
            throw new PlatformStartFailure(
                    "Kafka is up but its topics could not be created: " + e.getMessage(), process);
        }
    }

    public Set<String> topics() throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    private boolean answers() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        properties.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("log.dirs", directory.resolve("data").toString());
        properties.setProperty("num.partitions", String.valueOf(PARTITIONS));
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "4");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("auto.create.topics.enable", "true");
        Path file = directory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "Written by ./tirelire up on every start");
        }
        return file;
    }

    private void formatStorageOnce(Path config, Path logDirectory) throws IOException, InterruptedException {
        if (Files.exists(directory.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Path clusterIdFile = directory.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).strip();
        ChildProcess format = new ChildProcess(
                        "kafka-storage-format",
                        JavaCommand.mainClass(
                                List.of("-Xmx256m", "-Dlogback.configurationFile=logback-kafka.xml"),
                                "kafka.tools.StorageTool",
                                List.of("format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted")),
                        Map.of(),
                        logDirectory.resolve("kafka.log"))
                .start();
        format.awaitExit(Duration.ofSeconds(60));
    }
}
