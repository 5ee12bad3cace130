package org.tirelire.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tirelire.local.process.ParentWatch;

/**
 * The archive's whole life on a real JVM, with a small program standing in for a Spring Boot jar: it
 * extracts itself as {@code -Djarmode=tools extract} does, and its start ends as Spring's
 * {@code spring.context.exit=onRefresh} ends one.
 */
class StartupArchiveTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void a_service_trained_once_then_starts_from_its_archive_until_its_jar_changes() throws Exception {
        Path jar = serviceJar(MiniService.class, "first build");
        StartupArchive archive = StartupArchive.of(Service.DONATION, jar, List.of("-Xmx64m"));
        assertThat(archive.ready()).as("nothing trained yet").isEmpty();

        StartupArchive.Launch launch = archive.prepare(Map.of(), home.resolve("training.log"), TIMEOUT);

        assertThat(launch.jar()).isNotEqualTo(jar).hasFileName(jar.getFileName().toString());
        assertThat(launch.archiveFlags()).hasSize(1);
        assertThat(archive.ready()).contains(launch);
        assertThat(classSources(launch))
                .as("the JVM loads the service's own class from the archive")
                .containsPattern(MiniService.class.getName().replace("$", "\\$") + " source: shared objects file");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(archive.ready())
                .as("a jar built again with the same content, as the launcher's script touches it, keeps its archive")
                .contains(launch);

        serviceJar(MiniService.class, "second build");
        assertThat(archive.ready())
                .as("a jar with other content needs a new archive")
                .isEmpty();
        StartupArchive.Launch rebuilt = archive.prepare(Map.of(), home.resolve("training.log"), TIMEOUT);
        assertThat(rebuilt.jar()).isNotEqualTo(launch.jar());
        assertThat(launch.jar())
                .as("the previous build's files stay for a platform that still runs from them")
                .exists();
    }

    @Test
    void two_launchers_starting_at_once_train_once() throws Exception {
        Path jar = serviceJar(MiniService.class, "one build");
        Path log = home.resolve("training.log");
        ExecutorService launchers = Executors.newFixedThreadPool(2);
        try {
            List<Future<StartupArchive.Launch>> launches = launchers.invokeAll(List.of(
                    () -> StartupArchive.of(Service.DONATION, jar, List.of("-Xmx64m"))
                            .prepare(Map.of(), log, TIMEOUT),
                    () -> StartupArchive.of(Service.DONATION, jar, List.of("-Xmx64m"))
                            .prepare(Map.of(), log, TIMEOUT)));
            assertThat(launches.get(0).get()).isEqualTo(launches.get(1).get());
            assertThat(launches.get(0).get().archiveFlags()).hasSize(1);
        } finally {
            launchers.shutdownNow();
        }
        assertThat(Files.readString(log).split("donation-service training starting", -1))
                .as("one training")
                .hasSize(2);
    }

    @Test
    void a_jar_that_cannot_be_trained_starts_as_it_is() throws Exception {
        Path jar = home.resolve("donation-service/target/donation-service-exec.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
        StartupArchive archive = StartupArchive.of(Service.DONATION, jar, List.of("-Xmx64m"));

        StartupArchive.Launch launch = archive.prepare(Map.of(), home.resolve("training.log"), TIMEOUT);

        assertThat(launch).isEqualTo(archive.withoutArchive());
        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.archiveFlags()).isEmpty();
        assertThat(archive.ready()).isEmpty();
        assertThat(Files.readString(home.resolve("training.log"))).contains("donation-service extract starting");
    }

    /** What the JVM printed about where each class came from, started as the launcher starts the service. */
    private String classSources(StartupArchive.Launch launch) throws IOException, InterruptedException {
        // With a Java agent, as the platform starts its services (the parent watch).
        String agent = ParentWatch.jvmFlag(home.resolve("run"));
        List<String> command = new ArrayList<>(launch.command(List.of("-Xmx64m", agent, "-Xlog:class+load=info")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes());
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /**
     * Writes a jar where the launcher looks for donation-service's, its main class {@code main}, and
     * {@code build} in an entry of its own: another build is another content.
     */
    private Path serviceJar(Class<?> main, String build) throws IOException {
        Path jar = home.resolve("donation-service/target/donation-service-exec.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("build.txt"));
            out.write(build.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Stands in for a Spring Boot jar: extracts itself under {@code -Djarmode=tools}, otherwise starts and ends. */
    public static final class MiniService {
        public static void main(String[] args) throws Exception {
            if ("tools".equals(System.getProperty("jarmode"))) {
                Path self = Path.of(MiniService.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                Path destination = Path.of(args[2]);
                Files.createDirectories(destination);
                Files.copy(self, destination.resolve(self.getFileName()));
                return;
            }
            System.out.println("context refreshed, exiting as spring.context.exit=onRefresh asks");
        }
    }
}
