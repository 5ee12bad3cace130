package org.tirelire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tirelire.local.backup.BackupManifest;
import org.tirelire.local.backup.PlatformBackup;
import org.tirelire.local.backup.PlatformRestore;

/**
 * {@code ./tirelire backup [FILE]} and {@code ./tirelire restore FILE}, on the data directory of {@code
 * TIRELIRE_DATA_DIR}. A backup is taken from the running platform without stopping it, or from the files
 * when nothing runs; a restore only fills an empty data directory, with nothing running on it.
 */
public final class BackupCommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupCommand() {}

    /**
     * @param environment where to find the platform: {@code TIRELIRE_DATA_DIR}, and the ports when its launcher
     *     has not written its status yet
     * @return the exit status: 0 written, 1 refused or failed, 2 bad usage
     */
    public static int backup(List<String> options, Map<String, String> environment, Consumer<String> say) {
        Path dataDir = TirelireCommand.dataDir(environment);
        if (options.size() > 1) {
            say.accept("Usage: ./tirelire backup [FILE]");
            return 2;
        }
        Path archive = Path.of(
                        options.isEmpty()
                                ? "tirelire-backup-" + STAMP.format(ZonedDateTime.now()) + ".zip"
                                : options.get(0))
                .toAbsolutePath();
        try {
            Optional<PlatformBackup.RunningParts> running = runningParts(dataDir, environment);
            say.accept("Backing up " + dataDir
                    + (running.isPresent() ? " while Tirelire runs (Kafka paused while it is read)…" : "…"));
            BackupManifest manifest = PlatformBackup.write(dataDir, running.orElse(null), archive);
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
        Path dataDir = TirelireCommand.dataDir(environment);
        if (options.size() != 1) {
            say.accept("Usage: ./tirelire restore FILE   (into TIRELIRE_DATA_DIR, which must hold no data)");
            return 2;
        }
        Path archive = Path.of(options.get(0)).toAbsolutePath();
        try {
            if (new ProcessLedger(dataDir.resolve("run").resolve("pids"))
                    .runningLauncher()
                    .isPresent()) {
                say.accept("Nothing restored: Tirelire runs on " + dataDir + ". A restore fills an empty data"
                        + " directory only: stop it, and choose another TIRELIRE_DATA_DIR.");
                return 1;
            }
            if (!Files.isRegularFile(archive)) {
                say.accept("Nothing restored: " + archive + " is not a file");
                return 1;
            }
            BackupManifest manifest = PlatformRestore.restore(archive, dataDir);
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
     * settings {@code up} reads.
     */
    private static Optional<PlatformBackup.RunningParts> runningParts(Path dataDir, Map<String, String> environment)
            throws IOException {
        Optional<ProcessHandle> launcher =
                new ProcessLedger(dataDir.resolve("run").resolve("pids")).launcher();
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

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
