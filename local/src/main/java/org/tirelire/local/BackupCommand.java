package org.tirelire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tirelire.local.backup.BackupManifest;
import org.tirelire.local.backup.DailyBackups;
import org.tirelire.local.backup.PlatformBackup;
import org.tirelire.local.backup.PlatformRestore;

/**
 * {@code ./tirelire backup [FILE]} and {@code ./tirelire restore FILE}, on the data directory of {@code
 * TIRELIRE_DATA_DIR}. A backup is taken from the running platform without stopping it, or from the files
 * when nothing runs; a restore only fills an empty data directory, with nothing running on it. While either
 * works on a stopped platform's files, {@code ./tirelire up} is refused on them.
 */
public final class BackupCommand {

    private BackupCommand() {}

    /**
     * @param environment where to find the platform: {@code TIRELIRE_DATA_DIR}, and the ports when its launcher
     *     has not written its status yet; {@code TIRELIRE_WORKING_DIR}, where a relative FILE is
     * @return the exit status: 0 written, 1 refused or failed, 2 bad usage
     */
    public static int backup(List<String> options, Map<String, String> environment, Consumer<String> say) {
        if (options.size() > 1) {
            say.accept("Usage: ./tirelire backup [FILE]");
            return 2;
        }
        Path dataDir = TirelireCommand.dataDir(environment);
        Path archive = fromCaller(
                environment, options.isEmpty() ? DailyBackups.archiveName(ZonedDateTime.now()) : options.get(0));
        try {
            Optional<PlatformBackup.RunningParts> running = runningParts(dataDir, environment);
            say.accept("Backing up " + dataDir
                    + (running.isPresent() ? " while Tirelire runs (Kafka paused while it is read)…" : "…"));
            BackupManifest manifest = running.isPresent()
                    ? PlatformBackup.write(dataDir, running.get(), archive)
                    : whileNoLauncherStarts(dataDir, () -> PlatformBackup.write(dataDir, null, archive));
            say.accept("Backup written: " + archive + " (" + megabytes(Files.size(archive)) + ")");
            say.accept("  " + manifest.documents() + " documents in "
                    + manifest.collections().size() + " collections, Kafka's log, the keys of the secrets");
            if (manifest.whileRunning()) {
                say.accept("  Kafka was paused for " + manifest.kafkaPausedMillis() + " ms; nothing was stopped");
            }
            say.accept("  It holds the keys that decrypt payment credentials: keep it as private as the data itself.");
            say.accept("  Restore it with: TIRELIRE_DATA_DIR=<an empty folder> ./tirelire restore " + archive);
            return 0;
        } catch (IOException | RuntimeException failed) {
            say.accept("No backup written: " + failed.getMessage());
            return 1;
        }
    }

    /** @return the exit status: 0 restored, 1 refused or failed, 2 bad usage */
    public static int restore(List<String> options, Map<String, String> environment, Consumer<String> say) {
        if (options.size() != 1) {
            say.accept("Usage: ./tirelire restore FILE   (into TIRELIRE_DATA_DIR, which must hold no data)");
            return 2;
        }
        Path dataDir = TirelireCommand.dataDir(environment);
        Path archive = fromCaller(environment, options.get(0));
        try {
            if (!Files.isRegularFile(archive)) {
                say.accept("Nothing restored: " + archive + " is not a file");
                return 1;
            }
            BackupManifest manifest = whileNoLauncherStarts(dataDir, () -> PlatformRestore.restore(archive, dataDir));
            say.accept("Restored " + archive + " into " + dataDir);
            say.accept("  taken " + manifest.createdAt() + " by Tirelire " + manifest.platformVersion() + ": "
                    + manifest.documents() + " documents in "
                    + manifest.collections().size()
                    + " collections, every file checked against its checksum");
            say.accept("  Start it with: TIRELIRE_DATA_DIR=" + dataDir + " ./tirelire up");
            return 0;
        } catch (IOException | RuntimeException failed) {
            say.accept("Nothing restored: " + failed.getMessage());
            return 1;
        }
    }

    /**
     * The Kafka process and MongoDB port of the platform running on {@code dataDir}, if one runs: Kafka's
     * process as its launcher recorded it, the port from the launcher's status, or else from the same
     * settings {@code up} reads (the backup checks that server keeps this directory's store).
     */
    private static Optional<PlatformBackup.RunningParts> runningParts(Path dataDir, Map<String, String> environment)
            throws IOException {
        Optional<ProcessHandle> launcher = ledger(dataDir).launcher();
        if (launcher.isEmpty()) {
            return Optional.empty();
        }
        Long kafkaPid = LocalPlatform.recordedPids(dataDir).get("kafka");
        if (kafkaPid == null) {
            throw new IllegalStateException("Tirelire is starting on " + dataDir + ": try again once it is up");
        }
        int mongoPort = PlatformPorts.fromEnvironment(environment::get).mongo();
        try {
            PlatformStatus.Snapshot status = PlatformStatus.read(dataDir);
            if (status.launcherPid() == launcher.get().pid()) {
                mongoPort = status.parts().stream()
                        .filter(part -> part.name().equals("mongo") && part.port() != null)
                        .map(PlatformStatus.Part::port)
                        .findFirst()
                        .orElse(mongoPort);
            }
        } catch (IOException | RuntimeException noStatusYet) {
            // the settings' port, as up itself chose it
        }
        return Optional.of(new PlatformBackup.RunningParts(kafkaPid, mongoPort));
    }

    /** Work on a stopped platform's files, during which {@code ./tirelire up} is refused on them. */
    private static BackupManifest whileNoLauncherStarts(Path dataDir, FileWork work) throws IOException {
        ProcessLedger ledger = ledger(dataDir);
        if (ledger.launcher().isPresent()) {
            throw new IllegalStateException(
                    "Tirelire runs on " + dataDir + ": stop it first, or choose another TIRELIRE_DATA_DIR");
        }
        ledger.record(List.of()); // this process, as a launcher: up finds it alive and refuses to start
        try {
            return work.run();
        } finally {
            ledger.forget();
        }
    }

    @FunctionalInterface
    private interface FileWork {
        BackupManifest run() throws IOException;
    }

    private static ProcessLedger ledger(Path dataDir) {
        return new ProcessLedger(dataDir.resolve("run").resolve("pids"));
    }

    /** A path the user gave, from the folder they called ./tirelire in (the script runs from its own). */
    static Path fromCaller(Map<String, String> environment, String given) {
        return Path.of(environment.getOrDefault("TIRELIRE_WORKING_DIR", ""))
                .resolve(given)
                .toAbsolutePath()
                .normalize();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
