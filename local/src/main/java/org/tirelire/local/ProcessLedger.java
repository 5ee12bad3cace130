package org.tirelire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.local.process.ChildProcess;

/**
 * Remembers the processes of the running platform in the data directory. If the launcher itself was
 * killed hard (kill -9), its children outlive it; the next start finds them here and stops them.
 */
final class ProcessLedger {

    private static final Logger log = LoggerFactory.getLogger(ProcessLedger.class);

    private final Path file;

    ProcessLedger(Path file) {
        this.file = file;
    }

    void record(List<ChildProcess> processes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                processes.stream().map(p -> p.pid() + " " + p.name()).collect(Collectors.joining("\n", "", "\n")));
    }

    void stopLeftovers() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ", 2);
            if (parts.length < 2 || !parts[0].matches("\\d+")) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(parts[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle ->
                            handle.info().command().map(c -> c.endsWith("java")).orElse(false))
                    .ifPresent(handle -> {
                        log.warn("Stopping {} (pid {}) left over from a previous run", parts[1], handle.pid());
                        handle.destroyForcibly();
                        handle.onExit().join();
                    });
        }
        Files.delete(file);
    }
}
