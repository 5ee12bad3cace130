package org.tirelire.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tirelire.local.PlatformPorts;

/** A real broker in its own JVM: started, stopped with SIGTERM and started again on the same data. */
class KafkaBrokerTest {

    @TempDir
    Path dir;

    private KafkaBroker broker;

    @AfterEach
    void stopTheBroker() {
        if (broker != null && broker.process() != null) {
            broker.process().stop(Duration.ofSeconds(15));
        }
    }

    @Test
    void a_broker_formats_its_storage_once_and_keeps_its_topics_across_a_restart() throws Exception {
        PlatformPorts ports = PlatformPorts.random();
        broker = new KafkaBroker(dir.resolve("kafka"), ports.kafka(), ports.kafkaController(), List.of());
        broker.start(dir.resolve("logs"));
        broker.awaitReadyAndCreateTopics(Duration.ofSeconds(60));
        String clusterId = Files.readString(dir.resolve("kafka/cluster.id"));
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("restart-check", 2, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }

        broker.process().stop(Duration.ofSeconds(15));
        assertThat(broker.process().isAlive()).isFalse();
        broker.start(dir.resolve("logs"));
        broker.awaitReadyAndCreateTopics(Duration.ofSeconds(60));

        assertThat(broker.topics()).contains("restart-check").containsAll(KafkaBroker.TOPICS);
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(KafkaBroker.TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(KafkaBroker.PARTITIONS));
            assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isEqualTo(clusterId);
        }
        String log = Files.readString(dir.resolve("logs/kafka.log"));
        assertThat(occurrences(log, "===== kafka-storage-format starting"))
                .as("formats")
                .isEqualTo(1);
        assertThat(occurrences(log, "===== kafka starting")).as("starts").isEqualTo(2);
        assertThat(log).as("the broker logs at INFO and above only").doesNotContain(" DEBUG ");
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
