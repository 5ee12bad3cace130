package org.tirelire.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private static final Map<Service, Integer> PORTS =
            Map.of(Service.GATEWAY, 8080, Service.CAMPAIGN, 8081, Service.DONATION, 8082, Service.NOTIFICATION, 8083);

    @Test
    void each_service_gets_its_own_port_database_and_the_local_kafka_and_gateway_keys() {
        Map<String, String> campaign = environment(Map.of()).of(Service.CAMPAIGN);

        assertThat(campaign)
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("SPRING_PROFILES_ACTIVE", "embedded")
                .containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/tirelire-campaigns")
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "127.0.0.1:9092")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("TIRELIRE_JWKS_URI", "http://127.0.0.1:8080/.well-known/jwks.json");
        assertThat(environment(Map.of()).of(Service.DONATION))
                .containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/tirelire-donations");
    }

    @Test
    void the_gateway_routes_to_the_services_and_listens_on_loopback_unless_told_where_to_bind() {
        assertThat(environment(Map.of()).of(Service.GATEWAY))
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/tirelire-gateway")
                .containsEntry("TIRELIRE_SERVICES_CAMPAIGN_URI", "http://127.0.0.1:8081")
                .containsEntry("TIRELIRE_SERVICES_DONATION_URI", "http://127.0.0.1:8082")
                .containsEntry("TIRELIRE_SERVICES_NOTIFICATION_URI", "http://127.0.0.1:8083");

        assertThat(environment(Map.of("TIRELIRE_BIND", "0.0.0.0")).of(Service.GATEWAY))
                .containsEntry("SERVER_ADDRESS", "0.0.0.0");
        assertThat(environment(Map.of("TIRELIRE_BIND", "0.0.0.0")).of(Service.CAMPAIGN))
                .as("the services behind the gateway stay on loopback")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1");
    }

    @Test
    void each_key_goes_to_the_one_process_that_needs_it_and_a_key_of_the_users_own_wins() {
        ServiceEnvironment withKeys =
                new ServiceEnvironment(PORTS, Map.of(), 9092, 27017, 2525, Map.of(), "a2V5", "c2lnbg==");
        ServiceEnvironment usersKey = new ServiceEnvironment(
                PORTS,
                Map.of(),
                9092,
                27017,
                2525,
                Map.of("TIRELIRE_PAYMENTS_CREDENTIALS_KEY", "bXluZQ=="),
                "a2V5",
                "c2lnbg==");

        assertThat(withKeys.of(Service.DONATION))
                .containsEntry("TIRELIRE_PAYMENTS_CREDENTIALS_KEY", "a2V5")
                .doesNotContainKey("TIRELIRE_AUTH_SECRETS_KEY");
        assertThat(withKeys.of(Service.GATEWAY))
                .containsEntry("TIRELIRE_AUTH_SECRETS_KEY", "c2lnbg==")
                .doesNotContainKey("TIRELIRE_PAYMENTS_CREDENTIALS_KEY");
        assertThat(withKeys.of(Service.NOTIFICATION))
                .doesNotContainKey("TIRELIRE_PAYMENTS_CREDENTIALS_KEY")
                .doesNotContainKey("TIRELIRE_AUTH_SECRETS_KEY");
        assertThat(usersKey.of(Service.DONATION)).containsEntry("TIRELIRE_PAYMENTS_CREDENTIALS_KEY", "bXluZQ==");
    }

    @Test
    void with_two_instances_the_gateway_knows_both_and_each_instance_listens_on_its_own_port() {
        ServiceEnvironment scaledOut = new ServiceEnvironment(
                PORTS,
                Map.of(Service.CAMPAIGN, List.of(8091), Service.DONATION, List.of(8092)),
                9092,
                27017,
                2525,
                Map.of(),
                "a2V5",
                "c2lnbg==");

        assertThat(scaledOut.of(Service.GATEWAY))
                .containsEntry("TIRELIRE_SERVICES_CAMPAIGN_URI", "http://127.0.0.1:8081,http://127.0.0.1:8091")
                .containsEntry("TIRELIRE_SERVICES_DONATION_URI", "http://127.0.0.1:8082,http://127.0.0.1:8092")
                .containsEntry("TIRELIRE_SERVICES_NOTIFICATION_URI", "http://127.0.0.1:8083");
        assertThat(scaledOut.instance(Service.DONATION, 8092))
                .containsEntry("SERVER_PORT", "8092")
                .as("the instances share one database and one Kafka consumer group")
                .containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/tirelire-donations");
    }

    @Test
    void notifications_go_to_the_local_mail_catcher_unless_the_user_names_a_mail_server() {
        assertThat(environment(Map.of()).of(Service.NOTIFICATION))
                .containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                .containsEntry("SPRING_MAIL_PORT", "2525")
                .containsEntry("TIRELIRE_PUBLIC_BASE_URL", "http://localhost:8080");

        Map<String, String> user = Map.of("SPRING_MAIL_HOST", "smtp.example.org", "SPRING_MAIL_PORT", "587");
        assertThat(ServiceEnvironment.namesMailServer(user)).isTrue();
        assertThat(ServiceEnvironment.namesMailServer(Map.of("PATH", "/usr/bin")))
                .isFalse();
        assertThat(environment(user).of(Service.NOTIFICATION))
                .containsEntry("SPRING_MAIL_HOST", "smtp.example.org")
                .containsEntry("SPRING_MAIL_PORT", "587");
    }

    @Test
    void the_users_environment_passes_through_and_wins_over_the_launchers_defaults_but_not_over_ports() {
        Map<String, String> user = Map.of(
                "LOGGING_LEVEL_ORG_TIRELIRE", "DEBUG",
                "SPRING_PROFILES_ACTIVE", "embedded,debug",
                "TIRELIRE_PUBLIC_BASE_URL", "https://dons.example.org",
                "SERVER_PORT", "9999");

        Map<String, String> notification = environment(user).of(Service.NOTIFICATION);

        assertThat(notification)
                .containsEntry("LOGGING_LEVEL_ORG_TIRELIRE", "DEBUG")
                .containsEntry("SPRING_PROFILES_ACTIVE", "embedded,debug")
                .containsEntry("TIRELIRE_PUBLIC_BASE_URL", "https://dons.example.org")
                .as("one SERVER_PORT for four services would make them collide")
                .containsEntry("SERVER_PORT", "8083");
    }

    private static ServiceEnvironment environment(Map<String, String> user) {
        return new ServiceEnvironment(PORTS, 9092, 27017, 2525, user);
    }
}
