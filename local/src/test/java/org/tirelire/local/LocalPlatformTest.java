package org.tirelire.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stops the platform before anything is started. None of these tests starts a process. */
class LocalPlatformTest {

    @TempDir
    Path home;

    @Test
    void a_port_in_use_stops_the_start_with_a_message_naming_the_port_and_its_likely_holder() throws Exception {
        PlatformPorts random = PlatformPorts.random();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", random.gateway()));
            LocalPlatform platform = platform(random);

            assertThatThrownBy(platform::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + random.gateway() + " (gateway) is in use: is Tirelire already running"
                            + " (./tirelire up or docker compose up)? Stop it, or choose another port with"
                            + " TIRELIRE_<NAME>_PORT.");
        }
        assertThat(home.resolve("data/logs")).as("nothing was started").doesNotExist();
    }

    @Test
    void a_mongodb_already_on_its_port_is_named_as_the_likely_holder() throws Exception {
        PlatformPorts random = PlatformPorts.random();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", random.mongo()));

            assertThatThrownBy(platform(random)::start)
                    .hasMessageStartingWith("port " + random.mongo() + " (MongoDB-wire server) is in use")
                    .hasMessageContaining("a MongoDB server?");
        }
    }

    @Test
    void the_same_port_given_to_two_parts_is_refused() {
        PlatformPorts random = PlatformPorts.random();
        PlatformPorts clash = new PlatformPorts(
                random.gateway(),
                random.gateway(),
                random.donationService(),
                random.notificationService(),
                random.kafka(),
                random.kafkaController(),
                random.mongo(),
                random.smtp(),
                random.mailWeb(),
                random.gatewayManagement());

        assertThatThrownBy(platform(clash)::start)
                .hasMessageContaining("port " + random.gateway() + " is given to both campaign-service and gateway");
    }

    @Test
    void a_missing_service_jar_is_named_with_the_command_that_builds_it() {
        assertThatThrownBy(platform(PlatformPorts.random())::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(home.resolve("campaign-service/target/campaign-service-exec.jar")
                        .toString())
                .hasMessageContaining("./mvnw -DskipTests install");
        assertThat(home.resolve("data/logs")).doesNotExist();
    }

    @Test
    void a_second_launcher_on_the_same_data_directory_is_refused_while_the_first_runs() throws Exception {
        Process otherLauncher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx16m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.tirelire.local.process.TestMains$Sleeper")
                .start();
        try {
            Files.createDirectories(home.resolve("data/run"));
            Files.writeString(home.resolve("data/run/pids"), otherLauncher.pid() + " launcher\n");

            assertThatThrownBy(platform(PlatformPorts.random())::start)
                    .hasMessageContaining("Tirelire is already running on the data directory")
                    .hasMessageContaining("launcher pid " + otherLauncher.pid());
            assertThat(otherLauncher.isAlive())
                    .as("the running launcher is left alone")
                    .isTrue();
        } finally {
            otherLauncher.destroyForcibly().waitFor();
        }
    }

    @Test
    void ports_come_from_the_environment_and_a_wrong_one_is_explained() {
        PlatformPorts ports = PlatformPorts.fromEnvironment(
                Map.of("TIRELIRE_GATEWAY_PORT", "9080", "TIRELIRE_MONGO_PORT", " 27018 ")::get);
        assertThat(ports.gateway()).isEqualTo(9080);
        assertThat(ports.mongo()).isEqualTo(27018);
        assertThat(ports.kafka()).isEqualTo(9092);

        assertThatThrownBy(() -> PlatformPorts.fromEnvironment(Map.of("TIRELIRE_SMTP_PORT", "smtp")::get))
                .hasMessage("TIRELIRE_SMTP_PORT=smtp is not a port number (1-65535)");
    }

    @Test
    void random_ports_are_ten_different_ports() {
        PlatformPorts ports = PlatformPorts.random();
        assertThat(ports.byPurpose().values())
                .doesNotHaveDuplicates()
                .hasSize(10)
                .doesNotContain(8080, 27017);
    }

    @Test
    void memory_is_summed_over_the_processes_and_not_made_up_where_proc_is_missing() {
        assertThat(TirelireCommand.memory(Map.of("kafka", 300L << 20))).startsWith("300 MB in all");
        assertThat(TirelireCommand.memory(Map.of("kafka", 300L << 20, "mongo", -1L)))
                .startsWith("n/a");
    }

    private LocalPlatform platform(PlatformPorts ports) {
        return LocalPlatform.builder()
                .home(home)
                .dataDir(home.resolve("data"))
                .ports(ports)
                .environment(Map.of())
                .build();
    }
}
