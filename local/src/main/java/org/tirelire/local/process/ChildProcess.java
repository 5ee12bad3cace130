package org.tirelire.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One part of the platform running as its own operating-system process, its output appended to a
 * log file. Stopping asks politely (SIGTERM), then insists, and takes the process's children along.
 */
public final class ChildProcess {

    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    public ChildProcess(String name, List<String> command, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

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
        process = builder.start();
        return this;
    }

    /** Waits until {@code ready} holds; fails fast, with the end of the log, if the process dies first. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new PlatformStartFailure(
                        name + " exited with code " + process.exitValue() + " before it was ready", this);
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformStartFailure(name + " was not ready after " + timeout.toSeconds() + " s", this);
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
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

    public void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Like {@code kill -9}: no shutdown hook runs, nothing is flushed. For fault-injection tests. */
    public void killHard() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory of the process and its children in bytes, or -1 where /proc cannot tell. */
    public long residentBytes() {
        if (process == null || !process.isAlive()) {
            return 0;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
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
            return 0;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public List<String> lastLogLines(int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }
}
