package org.tirelire.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void a_child_that_exits_before_it_is_ready_fails_at_once_with_the_end_of_its_log() throws Exception {
        ChildProcess crasher = new ChildProcess(
                        "crasher",
                        JavaCommand.mainClass(List.of("-Xmx32m"), TestMains.Crasher.class.getName(), List.of()),
                        Map.of(),
                        dir.resolve("logs/crasher.log"))
                .start();
        long started = System.nanoTime();

        assertThatThrownBy(() -> crasher.awaitReady(() -> false, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(PlatformStartFailure.class, failure -> {
                    assertThat(failure.getMessage()).isEqualTo("crasher exited with code 3 before it was ready");
                    assertThat(failure.part().lastLogLines(2))
                            .containsExactly("starting", "APPLICATION FAILED TO START: no database");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(Files.readString(dir.resolve("logs/crasher.log"))).contains("===== crasher starting at ");
    }

    @Test
    void a_restarted_child_appends_to_its_log_after_a_new_start_marker() throws Exception {
        ChildProcess sleeper = new ChildProcess(
                "sleeper",
                JavaCommand.mainClass(List.of("-Xmx32m"), TestMains.Sleeper.class.getName(), List.of()),
                Map.of(),
                dir.resolve("sleeper.log"));
        try {
            sleeper.start();
            sleeper.awaitReady(() -> logContains(dir.resolve("sleeper.log"), "sleeper up"), Duration.ofSeconds(30));
            sleeper.stop(Duration.ofSeconds(10));
            assertThat(sleeper.isAlive()).isFalse();

            sleeper.start();
            sleeper.awaitReady(() -> count(dir.resolve("sleeper.log"), "sleeper up") == 2, Duration.ofSeconds(30));
        } finally {
            sleeper.stop(Duration.ofSeconds(10));
        }
        assertThat(count(dir.resolve("sleeper.log"), "===== sleeper starting at "))
                .isEqualTo(2);
    }

    @Test
    void a_child_stops_by_itself_when_its_launcher_is_killed_hard() throws Exception {
        Process launcher = new ProcessBuilder(JavaCommand.mainClass(
                        List.of("-Xmx64m"), TestMains.Launcher.class.getName(), List.of(dir.toString())))
                .redirectErrorStream(true)
                .start();
        ProcessHandle child;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("child ")) {
                line = out.readLine();
            }
            assertThat(line).as("the launcher's output").isNotNull();
            child = ProcessHandle.of(Long.parseLong(line.substring("child ".length())))
                    .orElseThrow();
            assertThat(child.isAlive()).isTrue();

            launcher.destroyForcibly(); // kill -9: the launcher runs no shutdown hook
            launcher.waitFor(10, TimeUnit.SECONDS);
        }

        try {
            child.onExit().get(20, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.isAlive()).isFalse();
    }

    private static boolean logContains(Path log, String text) {
        return count(log, text) > 0;
    }

    private static long count(Path log, String text) {
        try {
            return Files.readAllLines(log).stream()
                    .filter(line -> line.contains(text))
                    .count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
