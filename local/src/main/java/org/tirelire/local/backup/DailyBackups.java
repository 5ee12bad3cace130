package org.tirelire.local.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A backup every day while {@code ./tirelire up} runs, turned on by one setting: {@code
 * TIRELIRE_BACKUP_DIR}. At {@code TIRELIRE_BACKUP_AT} (03:00, this machine's time) an archive is written
 * there, then only the newest {@code TIRELIRE_BACKUP_KEEP} (7) archives of that folder are kept.
 */
public final class DailyBackups implements AutoCloseable {

    /** What takes one backup: the running platform. */
    @FunctionalInterface
    public interface Taker {
        BackupManifest backupTo(Path archive) throws IOException;
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The archives this rotation owns ({@link #archiveName}): any other file of the folder is never deleted. */
    private static final Pattern ARCHIVE = Pattern.compile("tirelire-backup-\\d{8}-\\d{6}\\.zip");

    private final Path folder;
    private final LocalTime at;
    private final int keep;
    private final Taker taker;
    private final Consumer<String> say;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "daily-backups"));

    DailyBackups(Path folder, LocalTime at, int keep, Taker taker, Consumer<String> say) {
        this.folder = folder;
        this.at = at;
        this.keep = keep;
        this.taker = taker;
        this.say = say;
    }

    /**
     * The daily backups the environment asks for, started; empty when {@code TIRELIRE_BACKUP_DIR} is unset.
     *
     * @throws IllegalStateException when a setting cannot be read, before anything runs
     */
    public static Optional<DailyBackups> start(Map<String, String> environment, Taker taker, Consumer<String> say) {
        String folder = environment.get("TIRELIRE_BACKUP_DIR");
        if (folder == null || folder.isBlank()) {
            return Optional.empty();
        }
        LocalTime at;
        int keep;
        try {
            at = LocalTime.parse(environment.getOrDefault("TIRELIRE_BACKUP_AT", "03:00"));
            keep = Integer.parseInt(environment.getOrDefault("TIRELIRE_BACKUP_KEEP", "7"));
        } catch (DateTimeParseException | NumberFormatException unreadable) {
            throw new IllegalStateException(
                    "TIRELIRE_BACKUP_AT must be a time such as 03:00, TIRELIRE_BACKUP_KEEP a number of backups");
        }
        if (keep < 1) {
            throw new IllegalStateException("TIRELIRE_BACKUP_KEEP must keep at least 1 backup");
        }
        // Relative to where ./tirelire was called from, as the user wrote it.
        Path where = Path.of(environment.getOrDefault("TIRELIRE_WORKING_DIR", ""))
                .resolve(folder)
                .toAbsolutePath();
        DailyBackups backups = new DailyBackups(where, at, keep, taker, say);
        backups.scheduleNext();
        return Optional.of(backups);
    }

    public String describe() {
        return "every day at " + at + " into " + folder + ", the newest " + keep + " kept";
    }

    private void scheduleNext() {
        timer.schedule(this::takeOne, untilNext(at, ZonedDateTime.now()).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The name of a backup taken at {@code time}, as {@code ./tirelire backup} and this rotation name them. */
    public static String archiveName(ZonedDateTime time) {
        return "tirelire-backup-" + STAMP.format(time) + ".zip";
    }

    /** From now to the next {@code at}: later today, or tomorrow. */
    static Duration untilNext(LocalTime at, ZonedDateTime now) {
        ZonedDateTime next = now.with(at);
        if (!next.isAfter(now)) {
            next = now.plusDays(1).with(at);
        }
        return Duration.between(now, next);
    }

    void takeOne() {
        try {
            Files.createDirectories(folder);
            Path archive = folder.resolve(archiveName(ZonedDateTime.now()));
            BackupManifest manifest = taker.backupTo(archive);
            say.accept("Daily backup written: " + archive + " (" + manifest.documents() + " documents)");
            for (Path old : beyondTheNewest(folder, keep)) {
                Files.deleteIfExists(old);
                say.accept("Older backup deleted: " + old);
            }
        } catch (IOException | RuntimeException failed) {
            say.accept("THE DAILY BACKUP FAILED: " + failed.getMessage() + " (tried again tomorrow)");
        } finally {
            if (!timer.isShutdown()) {
                scheduleNext();
            }
        }
    }

    /** This rotation's archives in {@code folder} past the newest {@code keep}; their names sort by date. */
    static List<Path> beyondTheNewest(Path folder, int keep) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> archives = files.filter(file ->
                            ARCHIVE.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .toList();
            return archives.subList(0, Math.max(0, archives.size() - keep));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
