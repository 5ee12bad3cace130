package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No cluster runs where the tests run, so this renders deploy/kubernetes's two overlays with kubectl's own
 * Kustomize, as an operator would, and reads what they would apply: every service probed on the port and
 * paths it serves, every setting docker-compose.yml gives a service given here too, every secret named,
 * the topics the services use with their partitions, and only the gateway reachable from outside.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private static final Path ROOT =
            Path.of(System.getProperty("tirelire.home", "..")).toAbsolutePath().normalize();
    private static final Map<String, Integer> SERVICE_PORTS =
            Map.of("campaign-service", 8081, "donation-service", 8082, "notification-service", 8083, "gateway", 8080);
    /** As on `./tirelire up` and in docker-compose.yml (KAFKA_NUM_PARTITIONS). */
    private static final int PARTITIONS = 4;

    private static List<Map<String, Object>> dev;
    private static List<Map<String, Object>> prod;

    @BeforeAll
    static void render() throws Exception {
        dev = rendered("dev");
        prod = rendered("prod");
    }

    @Test
    void each_service_runs_from_its_own_image_on_the_port_its_settings_give_behind_a_service_of_its_name()
            throws IOException {
        for (List<Map<String, Object>> overlay : List.of(dev, prod)) {
            for (Map.Entry<String, Integer> service : SERVICE_PORTS.entrySet()) {
                String name = service.getKey();
                Map<String, Object> container = container(overlay, name);
                assertThat((String) container.get("image")).as(name).matches("(.+/)?tirelire/" + name + "(:.+)?");
                assertThat(portNamed(container, "http")).as(name).isEqualTo(service.getValue());
                assertThat(serverPortOf(name)).as(name + "'s application.yml").isEqualTo(service.getValue());
                Map<String, Object> kubernetesService = one(overlay, "Service", name);
                assertThat(at(kubernetesService, "spec", "ports").toString())
                        .as(name)
                        .contains("port=" + service.getValue());
                assertThat((Map<String, Object>) at(kubernetesService, "spec", "selector"))
                        .containsEntry("app.kubernetes.io/name", name);
            }
        }
        assertThat(container(prod, "gateway").get("image")).isEqualTo("registry.example.org/tirelire/gateway:1.0.0");
    }

    @Test
    void the_probes_ask_the_actuator_s_health_groups_that_each_service_turns_on() throws IOException {
        for (String name : SERVICE_PORTS.keySet()) {
            Map<String, Object> container = container(prod, name);
            assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(at(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");
            Map<String, Object> settings = applicationYml(name);
            assertThat(at(settings, "management", "endpoint", "health", "probes", "enabled"))
                    .as(name + " serves the probes' groups")
                    .isEqualTo(true);
            assertThat(((Map<String, Object>) at(container, "resources", "limits")))
                    .containsKey("memory");
        }
    }

    @Test
    void every_setting_docker_compose_gives_a_service_is_given_here_too_from_the_config_map_or_a_secret()
            throws IOException {
        Map<String, Map<String, Object>> compose = composeServices();
        for (List<Map<String, Object>> overlay : List.of(dev, prod)) {
            Map<String, Object> config = (Map<String, Object>)
                    one(overlay, "ConfigMap", "tirelire-config").get("data");
            for (String name : SERVICE_PORTS.keySet()) {
                Map<String, Object> container = container(overlay, name);
                Set<String> set = new HashSet<>();
                for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
                    set.add((String) variable.get("name"));
                }
                for (Map<String, Object> source : (List<Map<String, Object>>) container.get("envFrom")) {
                    assertThat(at(source, "configMapRef", "name")).isEqualTo("tirelire-config");
                    set.addAll(config.keySet());
                }
                Map<String, Object> composeEnvironment =
                        (Map<String, Object>) compose.get(name).get("environment");
                assertThat(set)
                        .as(name + " has every variable docker-compose.yml sets")
                        .containsAll(composeEnvironment.keySet().stream()
                                .filter(variable -> !variable.equals("<<"))
                                .toList());
            }
        }
    }

    @Test
    void every_secret_a_service_reads_is_generated_for_dev_and_listed_for_prod_in_the_readme() throws IOException {
        Map<String, Object> devSecret =
                (Map<String, Object>) one(dev, "Secret", "tirelire-secrets").get("data");
        String readme = Files.readString(ROOT.resolve("deploy/kubernetes/README.md"));
        for (String name : SERVICE_PORTS.keySet()) {
            for (Map<String, Object> variable :
                    (List<Map<String, Object>>) container(prod, name).get("env")) {
                Map<String, Object> secret = (Map<String, Object>) at(variable, "valueFrom", "secretKeyRef");
                if (secret == null) {
                    continue;
                }
                assertThat(secret.get("name")).isEqualTo("tirelire-secrets");
                String key = (String) secret.get("key");
                if (!Boolean.TRUE.equals(secret.get("optional"))) {
                    assertThat(devSecret).as(name + " needs " + key).containsKey(key);
                }
                assertThat(readme).as("the README tells how to set " + key).contains("`" + key + "`");
            }
        }
        assertThat(kinds(prod))
                .as("prod's secrets are made on the cluster, never committed")
                .doesNotContain("Secret");
    }

    @Test
    void the_topics_are_the_services_own_with_their_partitions_and_scaling_stops_at_the_partitions()
            throws IllegalAccessException {
        Set<String> expected = new HashSet<>();
        for (var field : Topics.class.getFields()) {
            expected.add((String) field.get(null));
        }
        for (List<Map<String, Object>> overlay : List.of(dev, prod)) {
            List<Map<String, Object>> topics = all(overlay, "KafkaTopic");
            assertThat(topics.stream().map(topic -> (String) at(topic, "spec", "topicName")))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(topics)
                    .allSatisfy(
                            topic -> assertThat(at(topic, "spec", "partitions")).isEqualTo(PARTITIONS));
            assertThat(all(overlay, "HorizontalPodAutoscaler"))
                    .extracting(hpa -> at(hpa, "spec", "scaleTargetRef", "name"))
                    .containsExactlyInAnyOrder("campaign-service", "donation-service");
            assertThat(all(overlay, "HorizontalPodAutoscaler"))
                    .allSatisfy(hpa ->
                            assertThat((Integer) at(hpa, "spec", "maxReplicas")).isLessThanOrEqualTo(PARTITIONS));
        }
        assertThat(all(prod, "KafkaTopic"))
                .allSatisfy(topic -> assertThat(at(topic, "spec", "replicas")).isEqualTo(3));
    }

    @Test
    void production_keeps_two_of_each_through_a_drain_and_only_the_gateway_is_reached_from_outside() {
        for (String name : SERVICE_PORTS.keySet()) {
            assertThat((Integer) at(one(prod, "Deployment", name), "spec", "replicas"))
                    .as(name)
                    .isGreaterThanOrEqualTo(2);
            assertThat(at(one(prod, "PodDisruptionBudget", name), "spec", "minAvailable"))
                    .isEqualTo(1);
            assertThat(at(one(dev, "Deployment", name), "spec", "replicas")).isEqualTo(1);
        }
        assertThat(all(prod, "Ingress")).singleElement().satisfies(ingress -> {
            assertThat(ingress.toString()).contains("secretName=tirelire-tls");
            List<Map<String, Object>> rules = (List<Map<String, Object>>) at(ingress, "spec", "rules");
            List<Map<String, Object>> paths = (List<Map<String, Object>>) at(rules.get(0), "http", "paths");
            assertThat(paths)
                    .as("the public port, never the management one")
                    .extracting(path -> at(path, "backend", "service", "name") + ":"
                            + at(path, "backend", "service", "port", "name"))
                    .containsExactly("gateway:http");
        });
        assertThat(all(prod, "Service"))
                .allSatisfy(service -> assertThat(at(service, "spec", "type")).isNull()); // ClusterIP
        assertThat(prod)
                .allSatisfy(resource ->
                        assertThat(at(resource, "metadata", "namespace")).isEqualTo("tirelire"));
        assertThat(dev)
                .allSatisfy(resource ->
                        assertThat(at(resource, "metadata", "namespace")).isEqualTo("tirelire-dev"));
    }

    // helpers

    /** The overlay as `kubectl kustomize` renders it: one map per resource. */
    private static List<Map<String, Object>> rendered(String overlay) throws Exception {
        Path directory = ROOT.resolve("deploy/kubernetes/overlays").resolve(overlay);
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException notInstalled) {
            throw new AssertionError(
                    "kubectl is needed to render the Kubernetes manifests: install Debian's kubernetes-client"
                            + " (.ci/run does)",
                    notInstalled);
        }
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize " + directory).isZero();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document != null) {
                resources.add((Map<String, Object>) document);
            }
        }
        return resources;
    }

    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return (Map<String, Map<String, Object>>)
                    new Yaml(options).<Map<String, Object>>load(reader).get("services");
        }
    }

    private static Map<String, Object> applicationYml(String service) throws IOException {
        try (Reader reader =
                Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.yml"))) {
            return new Yaml().load(reader);
        }
    }

    private static int serverPortOf(String service) throws IOException {
        return (Integer) at(applicationYml(service), "server", "port");
    }

    private static List<String> kinds(List<Map<String, Object>> overlay) {
        return overlay.stream().map(resource -> (String) resource.get("kind")).toList();
    }

    private static List<Map<String, Object>> all(List<Map<String, Object>> overlay, String kind) {
        return overlay.stream()
                .filter(resource -> kind.equals(resource.get("kind")))
                .toList();
    }

    private static Map<String, Object> one(List<Map<String, Object>> overlay, String kind, String name) {
        return all(overlay, kind).stream()
                .filter(resource -> name.equals(at(resource, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> container(List<Map<String, Object>> overlay, String deployment) {
        List<Map<String, Object>> containers = (List<Map<String, Object>>)
                at(one(overlay, "Deployment", deployment), "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static Integer portNamed(Map<String, Object> container, String name) {
        return ((List<Map<String, Object>>) container.get("ports"))
                .stream()
                        .filter(port -> name.equals(port.get("name")))
                        .map(port -> (Integer) port.get("containerPort"))
                        .findFirst()
                        .orElse(null);
    }

    /** The value at this path of nested maps, or null where one is missing. */
    private static Object at(Map<String, Object> map, String... path) {
        Object current = map;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> level)) {
                return null;
            }
            current = level.get(key);
        }
        return current;
    }
}
