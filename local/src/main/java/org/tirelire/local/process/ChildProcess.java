package org.tirelire.local.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One part of the platform running as its own operating-system process, its output appended to a
 * log file. Stopping asks politely (SIGTERM), then insists, and takes the process's children along.
 */
public final class ChildProcess {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int LOG_TAIL_BYTES = 64 * 1024;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile Process process;
    private volatile Instant startedAt;
    private volatile Duration lastStartToReady;

    public ChildProcess(String name, List<String> command, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    /** Starts the process (again, if it ran before), appending a marker line to its log first. */
    public ChildProcess start() throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(
                logFile,
                "%n===== %s starting at %s =====%n".formatted(name, Instant.now()),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        startedAt = Instant.now();
        process = builder.start();
        return this;
    }

    /** Waits until {@code ready} holds; fails fast, with the end of the log, if the process dies first. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            failIfExited();
            if (System.nanoTime() > deadline) {
                throw new PlatformStartFailure(name + " was not ready after " + timeout.toSeconds() + " s", this);
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        markReady();
    }

    /** Notes that the process answered ready now: the end of its start. */
    public void markReady() {
        lastStartToReady = Duration.between(startedAt, Instant.now());
    }

    /** How long its last start took, from launch to ready; empty until it was once ready. */
    public Optional<Duration> lastStartToReady() {
        return Optional.ofNullable(lastStartToReady);
    }

    /** Throws the failure to report if the process has ended: it was meant to keep running. */
    public void failIfExited() {
        Process current = process;
        if (current != null && !current.isAlive()) {
            throw new PlatformStartFailure(
                    name + " exited with code " + current.exitValue() + " before it was ready", this);
        }
    }

    /** For a short-lived tool: waits for it to finish and fails, with its log, if it did not succeed. */
    public void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new PlatformStartFailure(name + " did not finish within " + timeout.toSeconds() + " s", this);
        }
        if (process.exitValue() != 0) {
            throw new PlatformStartFailure(name + " failed with exit code " + process.exitValue(), this);
        }
    }

    /** SIGTERM, up to {@code grace} to finish (shutdown hooks flush data), then SIGKILL. */
    public void stop(Duration grace) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroy();
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Like {@code kill -9}: no shutdown hook runs, nothing is flushed. For fault-injection tests. */
    public void killHard() {
        Process current = process;
        if (current == null) {
            return;
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            current.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory of the process and its children in bytes, or -1 where /proc cannot tell. */
    public long residentBytes() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return 0;
        }
        List<ProcessHandle> all = new ArrayList<>(current.descendants().toList());
        all.add(current.toHandle());
        long total = 0;
        for (ProcessHandle handle : all) {
            long rss = rssOf(handle.pid());
            if (rss < 0) {
                return -1;
            }
            total += rss;
        }
        return total;
    }

    private static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return 0; // a process that just ended has no VmRSS line any more
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The end of the log: only its last bytes are read, as a service's log can be megabytes long. */
    public List<String> lastLogLines(int count) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            List<String> lines = Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\\R", -1));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    /** The exit code of a process that ended; empty while it runs, or before it ever started. */
    public java.util.OptionalInt exitCode() {
        Process current = process;
        return current == null || current.isAlive()
                ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(current.exitValue());
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }
}
