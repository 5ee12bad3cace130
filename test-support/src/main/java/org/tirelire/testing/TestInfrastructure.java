package org.tirelire.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real Kafka broker and MongoDB the service integration tests run on, started once per test JVM.
 * Where a Docker engine is available they are Testcontainers ({@code apache/kafka-native},
 * {@code mongo:8.0}); where it is not, an in-JVM KRaft broker and a MongoDB-wire server. The tests
 * are the same either way: they only see a bootstrap address and a connection string.
 */
public final class TestInfrastructure {

    public static final int PARTITIONS = 4;

    private static final String[] TOPICS = {
        "tirelire.campaign-events",
        "tirelire.campaign-progress",
        "tirelire.donation-events",
        "tirelire.fundraiser-events",
        "tirelire.member-events",
        "tirelire.audit-events"
    };

    private static String kafkaBootstrapServers;
    private static String mongoBaseUri;

    private TestInfrastructure() {}

    /** Points Spring Cloud Stream, Spring Kafka and Spring Data MongoDB at the shared infrastructure. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        start();
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> kafkaBootstrapServers);
        registry.add("spring.kafka.bootstrap-servers", () -> kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
    }

    public static synchronized String kafkaBootstrapServers() {
        start();
        return kafkaBootstrapServers;
    }

    public static synchronized String mongoUri(String database) {
        start();
        return mongoBaseUri + database;
    }

    public static boolean runsOnDocker() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static synchronized void start() {
        if (kafkaBootstrapServers != null) {
            return;
        }
        if (runsOnDocker()) {
            startContainers();
        } else {
            startEmbedded();
        }
    }

    private static void startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.2")
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        kafkaBootstrapServers = kafka.getBootstrapServers();
        String uri = mongo.getConnectionString();
        mongoBaseUri = uri.endsWith("/") ? uri : uri + "/";
    }

    private static void startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPICS);
        kafka.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "num.partitions", String.valueOf(PARTITIONS),
                "auto.create.topics.enable", "true"));
        kafka.afterPropertiesSet();
        kafkaBootstrapServers = kafka.getBrokersAsString();

        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoBaseUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/";

        // No shutdown hook: both live in this JVM and end with it. Stopping them in a hook would race
        // the Spring contexts' own shutdown, whose last database calls would then wait for a server.

    }
}
