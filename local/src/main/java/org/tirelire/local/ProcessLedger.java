package org.tirelire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.local.process.ChildProcess;

/**
 * Remembers, in the data directory, which launcher runs the platform and which processes it started.
 * A second launcher on the same data directory is refused while the first is alive. If the first was
 * killed hard and some child outlived it (the parent watch normally stops them within a second), the
 * next start stops those leftovers.
 */
final class ProcessLedger {

    private static final Logger log = LoggerFactory.getLogger(ProcessLedger.class);
    private static final String LAUNCHER = "launcher";

    private final Path file;

    ProcessLedger(Path file) {
        this.file = file;
    }

    /** The launcher that still runs the platform of this data directory, if any (not this one). */
    Optional<ProcessHandle> runningLauncher() throws IOException {
        return launcher()
                .filter(handle -> handle.pid() != ProcessHandle.current().pid());
    }

    /** The launcher that runs the platform of this data directory, if any, this process included. */
    Optional<ProcessHandle> launcher() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ", 2);
            if (parts.length == 2 && parts[1].equals(LAUNCHER) && parts[0].matches("\\d+")) {
                return ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessLedger::isJava);
            }
        }
        return Optional.empty();
    }

    void record(List<ChildProcess> processes) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        lines.append(ProcessHandle.current().pid()).append(' ').append(LAUNCHER).append('\n');
        for (ChildProcess process : processes) {
            if (process.pid() > 0) {
                lines.append(process.pid()).append(' ').append(process.name()).append('\n');
            }
        }
        Files.writeString(file, lines);
    }

    /** The parts a launcher recorded, by name, with their process ids (the launcher itself left out). */
    Map<String, Long> recorded() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2 && !parts[1].equals(LAUNCHER) && parts[0].matches("\\d+")) {
                    pids.put(parts[1], Long.parseLong(parts[0]));
                }
            }
        }
        return pids;
    }

    /** Stops what a previous launcher, now gone, left running; then forgets it. */
    void stopLeftovers() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Collections.reverse(lines); // services first, Kafka last, as a normal stop would
        for (String line : lines) {
            String[] parts = line.split(" ", 2);
            if (parts.length < 2 || parts[1].equals(LAUNCHER) || !parts[0].matches("\\d+")) {
                continue;
            }
            // The pid may have been reused since: only a Java process is taken for ours.
            Optional<ProcessHandle> leftover =
                    ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessLedger::isJava);
            if (leftover.isPresent()) {
                ProcessHandle handle = leftover.get();
                log.warn("Stopping {} (pid {}) left over from a previous run", parts[1], handle.pid());
                handle.destroy(); // SIGTERM first: the MongoDB-wire server flushes its file on the way out
                try {
                    handle.onExit().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    handle.destroyForcibly();
                    handle.onExit().join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    handle.destroyForcibly();
                }
            }
        }
        Files.delete(file);
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private static boolean isJava(ProcessHandle handle) {
        return handle.isAlive()
                && handle.info().command().map(c -> c.endsWith("java")).orElse(false);
    }
}
