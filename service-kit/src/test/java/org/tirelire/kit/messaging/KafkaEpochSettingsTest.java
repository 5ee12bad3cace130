package org.tirelire.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The cluster id is asked with the settings the consumers connect with: on a managed Kafka (SASL over
 * TLS), an admin client given only the brokers would never get an answer and no event would be counted.
 */
class KafkaEpochSettingsTest {

    @Test
    void the_binder_s_brokers_and_client_settings_reach_the_admin_client_and_nothing_else_does() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "settings",
                        Map.of(
                                "spring.kafka.bootstrap-servers", "spring-kafka:9092",
                                "spring.cloud.stream.kafka.binder.brokers", "broker-1:9093,broker-2:9093",
                                "spring.kafka.properties.client.dns.lookup", "use_all_dns_ips",
                                "spring.cloud.stream.kafka.binder.configuration.security.protocol", "SASL_SSL",
                                "spring.cloud.stream.kafka.binder.configuration.sasl.mechanism", "SCRAM-SHA-512",
                                "spring.cloud.stream.kafka.binder.configuration.max.poll.records", "500")));

        Map<String, Object> admin = MessagingConfiguration.adminSettings(environment);

        assertThat(admin)
                .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .doesNotContainKey("max.poll.records");
    }

    @Test
    void without_the_binder_s_brokers_spring_s_are_used() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("settings", Map.of("spring.kafka.bootstrap-servers", "kafka:9092")));

        assertThat(MessagingConfiguration.adminSettings(environment)).containsEntry("bootstrap.servers", "kafka:9092");
    }
}
