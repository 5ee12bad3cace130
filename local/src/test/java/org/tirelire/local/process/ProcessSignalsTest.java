package org.tirelire.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a backup relies on to pause Kafka, and the supervisor to find it paused. */
class ProcessSignalsTest {

    @Test
    void a_process_paused_is_seen_paused_until_resumed_and_its_command_line_is_read_whole() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            long pid = sleeper.pid();
            assertThat(ProcessSignals.arguments(pid)).containsExactly("sleep", "60");
            assertThat(ProcessSignals.isPaused(pid)).isFalse();

            ProcessSignals.pause(pid);
            await().atMost(Duration.ofSeconds(5)).until(() -> ProcessSignals.isPaused(pid));
            ProcessSignals.resume(pid);
            await().atMost(Duration.ofSeconds(5)).until(() -> !ProcessSignals.isPaused(pid));
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertThat(ProcessSignals.arguments(sleeper.pid())).as("a process gone").isEmpty();
    }
}
