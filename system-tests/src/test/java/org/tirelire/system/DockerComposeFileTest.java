package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so this keeps docker-compose.yml honest by reading it:
 * every service points at the broker, its own database and the mail catcher, and starts in order.
 */
class DockerComposeFileTest {

    private static final Path ROOT =
            Path.of(System.getProperty("tirelire.home", "..")).toAbsolutePath().normalize();
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml(options).load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void the_four_services_run_on_real_kafka_mongodb_and_mailpit() {
        assertThat(services)
                .containsKeys(
                        "kafka",
                        "mongo",
                        "mailpit",
                        "campaign-service",
                        "donation-service",
                        "notification-service",
                        "gateway");
        assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
        assertThat(services.get("mongo").get("image").toString()).startsWith("mongo:8");
        assertThat(services.get("mongo").get("command").toString()).contains("--replSet");
        assertThat(services.get("mailpit").get("image").toString()).startsWith("axllent/mailpit");
    }

    @Test
    void each_service_has_its_own_database_on_the_replica_set_and_the_shared_broker() {
        Map<String, String> databases = Map.of(
                "campaign-service", "tirelire-campaigns",
                "donation-service", "tirelire-donations",
                "notification-service", "tirelire-notifications",
                "gateway", "tirelire-gateway");
        databases.forEach((service, database) -> {
            Map<String, Object> env = environment(service);
            assertThat(env.get("SPRING_MONGODB_URI"))
                    .as(service)
                    .isEqualTo("mongodb://mongo:27017/" + database + "?replicaSet=rs0");
        });
        for (String service : List.of("campaign-service", "donation-service", "notification-service")) {
            assertThat(environment(service).get("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS"))
                    .as(service)
                    .isEqualTo("kafka:9092");
            assertThat(environment(service).get("TIRELIRE_JWKS_URI"))
                    .as(service)
                    .isEqualTo("http://gateway:8080/.well-known/jwks.json");
        }
    }

    @Test
    void notification_service_sends_mail_to_mailpit() {
        Map<String, Object> env = environment("notification-service");

        assertThat(env.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(env.get("SPRING_MAIL_PORT").toString()).isEqualTo("1025");
    }

    @Test
    void donation_service_takes_its_credentials_key_from_the_host_and_asks_passwords_of_the_gateway() {
        Map<String, Object> env = environment("donation-service");

        assertThat(env)
                .containsEntry("TIRELIRE_PAYMENTS_CREDENTIALS_KEY", "${TIRELIRE_PAYMENTS_CREDENTIALS_KEY:-}")
                .containsEntry("TIRELIRE_IDENTITY_URI", "http://gateway:8080");
    }

    @Test
    void the_gateway_takes_the_key_of_the_two_factor_secrets_from_the_host() {
        assertThat(environment("gateway")).containsEntry("TIRELIRE_AUTH_SECRETS_KEY", "${TIRELIRE_AUTH_SECRETS_KEY:-}");
    }

    @Test
    void the_gateway_routes_to_the_services_by_name_and_is_the_only_published_api_port() {
        Map<String, Object> env = environment("gateway");

        assertThat(env)
                .containsEntry("TIRELIRE_SERVICES_CAMPAIGN_URI", "http://campaign-service:8081")
                .containsEntry("TIRELIRE_SERVICES_DONATION_URI", "http://donation-service:8082")
                .containsEntry("TIRELIRE_SERVICES_NOTIFICATION_URI", "http://notification-service:8083");
        assertThat(services.get("gateway").get("ports")).isEqualTo(List.of("8080:8080"));
        for (String service :
                List.of("campaign-service", "donation-service", "notification-service", "kafka", "mongo")) {
            assertThat(services.get(service))
                    .as(service + " is reached only through the network")
                    .doesNotContainKey("ports");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void services_start_only_once_what_they_need_is_healthy() {
        for (String service : List.of("campaign-service", "donation-service", "notification-service", "gateway")) {
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) services.get(service).get("depends_on");
            assertThat(dependsOn).as(service).containsKey("mongo");
            assertThat(dependsOn.values()).as(service).allMatch(c -> "service_healthy".equals(c.get("condition")));
            assertThat(services.get(service)).as(service).containsKey("healthcheck");
        }
        assertThat(((Map<String, Object>) services.get("gateway").get("depends_on")))
                .containsKeys("campaign-service", "donation-service", "notification-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_image_is_built_from_its_module() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/service.Dockerfile"));
        assertThat(dockerfile).contains("${MODULE}/target/${MODULE}-exec.jar");
        for (String service : List.of("campaign-service", "donation-service", "notification-service", "gateway")) {
            Map<String, Object> build =
                    (Map<String, Object>) services.get(service).get("build");
            assertThat(((Map<String, String>) build.get("args")).get("MODULE")).isEqualTo(service);
            assertThat(ROOT.resolve(service).resolve("pom.xml")).exists();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloak_runs_only_with_the_oidc_profile_and_its_tokens_name_the_organisation_the_services_need()
            throws IOException {
        Map<String, Object> keycloak = services.get("keycloak");
        assertThat((List<String>) keycloak.get("profiles")).containsExactly("oidc");
        assertThat(keycloak.get("command").toString()).contains("--import-realm");
        assertThat(keycloak.get("volumes").toString()).contains("./docker/keycloak:/opt/keycloak/data/import");
        for (String service : List.of("campaign-service", "donation-service", "notification-service")) {
            assertThat(environment(service))
                    .as(service)
                    .containsKeys("TIRELIRE_SECURITY_OIDC_ISSUER", "TIRELIRE_SECURITY_OIDC_JWK_SET_URI");
        }

        Map<String, Object> realm = (Map<String, Object>)
                new Yaml().load(Files.readString(ROOT.resolve("docker/keycloak/tirelire-realm.json")));
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        List<String> claims = clients.stream()
                .flatMap(client -> ((List<Map<String, Object>>) client.get("protocolMappers")).stream())
                .map(mapper -> ((Map<String, String>) mapper.get("config")).get("claim.name"))
                .toList();
        assertThat(claims)
                .as("every service decides ownership by the org claim")
                .contains("org", "org_name");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_and_grafana_run_only_with_the_observability_profile_scraping_each_service() throws IOException {
        for (String tool : List.of("prometheus", "grafana", "jaeger")) {
            assertThat((List<String>) services.get(tool).get("profiles"))
                    .as(tool)
                    .containsExactly("observability");
        }
        Map<String, Object> prometheus =
                new Yaml().load(Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml")));
        String scrape = prometheus.get("scrape_configs").toString();
        assertThat(scrape).contains("/actuator/prometheus");
        for (String service : List.of("campaign-service", "donation-service", "notification-service")) {
            // The port each service listens on in the network: its application.yml's server.port.
            Map<String, Object> settings = new Yaml(new LoaderOptions())
                                    .loadAll(Files.readString(
                                            ROOT.resolve(service + "/src/main/resources/application.yml")))
                                    .iterator()
                                    .next()
                            instanceof Map<?, ?> first
                    ? (Map<String, Object>) first
                    : Map.of();
            Object port = ((Map<String, Object>) settings.get("server")).get("port");
            assertThat(scrape).as(service).contains(service + ":" + port);
        }
        // The gateway's figures on its management port, inside the network only (not published).
        assertThat(scrape).contains("gateway:8090");
        assertThat(services.get("gateway").get("ports").toString()).doesNotContain("8090");
        assertThat(((Map<String, Object>) services.get("gateway").get("environment")))
                .containsEntry("TIRELIRE_GATEWAY_MANAGEMENT_ADDRESS", "0.0.0.0");
        assertThat(services.get("grafana").get("volumes").toString())
                .contains("./docker/grafana/provisioning:/etc/grafana/provisioning")
                .contains("./docker/grafana/dashboards:/var/lib/grafana/dashboards");
        assertThat(Files.readString(ROOT.resolve("docker/grafana/provisioning/dashboards/tirelire.yml")))
                .contains("/var/lib/grafana/dashboards");
    }

    /**
     * Every process can export its traces to the trace UI: the endpoint is passed through from the shell
     * (no value here, so none is set unless asked for), and the sampling has a setting of its own.
     */
    @Test
    @SuppressWarnings("unchecked")
    void every_process_passes_the_trace_export_settings_through() {
        assertThat(services.get("jaeger").get("ports").toString()).contains("16686:16686");
        for (String process : List.of("gateway", "campaign-service", "donation-service", "notification-service")) {
            Map<String, Object> environment =
                    (Map<String, Object>) services.get(process).get("environment");
            assertThat(environment)
                    .as(process)
                    .containsKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")
                    .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "${TIRELIRE_TRACE_SAMPLING:-0.1}");
            assertThat(environment.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
                    .as(process + ": passed through, never an empty endpoint")
                    .isNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }
}
