package org.tirelire.local.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Writes one archive of what a data directory's platform cannot lose: every service's database (the
 * MongoDB-wire store), Kafka's log with its cluster id, and the keys that encrypt secrets at rest. Logs
 * and run files stay out.
 *
 * <p>From a running platform, the archive is consistent without stopping it (ADR 37): the Kafka process
 * is paused (SIGSTOP) while the store is copied and Kafka's files are read, then resumed. Paused, Kafka
 * neither takes an event nor acknowledges one, so every event it holds came from data the copy holds,
 * and every event the copy's data applied is in Kafka; what was still in an outbox is sent after a
 * restore, as after a crash. The pause lasts about as long as reading Kafka's log (milliseconds to
 * seconds); services wait for Kafka as they do for a network hiccup.
 */
public final class PlatformBackup {

    /** The processes of a running platform a backup talks to: Kafka's to pause, MongoDB's to ask for a copy. */
    public record RunningParts(long kafkaPid, int mongoPort) {}

    static final String STORE = "mongo/tirelire.mv";
    static final String KAFKA = "kafka";
    static final String SECRETS = "secrets";

    private PlatformBackup() {}

    /**
     * @param running the running platform's parts, or null when nothing runs on {@code dataDir}
     * @return the manifest written as the archive's first entry
     */
    public static BackupManifest write(Path dataDir, @Nullable RunningParts running, Path archive) throws IOException {
        if (!Files.exists(dataDir.resolve(STORE))
                || !Files.isDirectory(dataDir.resolve(KAFKA).resolve("data"))) {
            throw new IllegalStateException("there is no platform data to back up in " + dataDir);
        }
        if (Files.exists(archive)) {
            throw new FileAlreadyExistsException(archive + " already exists: a backup never replaces a file");
        }
        Path folder = archive.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path staging = Files.createTempDirectory(folder, ".tirelire-backup-");
        try {
            long pausedMillis = running == null ? 0 : copyWhileKafkaPaused(dataDir, running, staging);
            if (running == null) {
                copyStore(dataDir.resolve(STORE), staging.resolve(STORE));
                copyKafka(dataDir.resolve(KAFKA), staging.resolve(KAFKA));
            }
            copyTree(dataDir.resolve(SECRETS), staging.resolve(SECRETS), path -> true);
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT,
                    platformVersion(),
                    Instant.now(),
                    running != null,
                    pausedMillis,
                    clusterId(staging),
                    StoreContents.documentsByCollection(staging.resolve(STORE)),
                    describe(staging));
            zip(staging, manifest, archive);
            return manifest;
        } finally {
            deleteTree(staging);
        }
    }

    private static long copyWhileKafkaPaused(Path dataDir, RunningParts running, Path staging) throws IOException {
        Files.createDirectories(staging.resolve(STORE).getParent());
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + running.mongoPort())) {
            MongoDatabase admin = mongo.getDatabase("admin");
            admin.runCommand(new Document("ping", 1)); // connected before Kafka pauses, not while
            long pausedAt = System.nanoTime();
            signal("STOP", running.kafkaPid());
            try {
                admin.runCommand(new Document(
                        "tirelireSnapshot",
                        staging.resolve(STORE).toAbsolutePath().toString()));
                copyKafka(dataDir.resolve(KAFKA), staging.resolve(KAFKA));
            } finally {
                signal("CONT", running.kafkaPid());
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt);
        }
    }

    /**
     * A closed store, copied as it is. A MongoDB-wire server holds its file locked: one still running
     * without its launcher (stopping, or left behind) is never copied under its writes.
     */
    private static void copyStore(Path store, Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw storeInUse(store);
            }
            Files.copy(store, copy);
        } catch (OverlappingFileLockException openInThisProcess) {
            throw storeInUse(store);
        }
    }

    private static IllegalStateException storeInUse(Path store) {
        return new IllegalStateException("a MongoDB-wire server still has " + store
                + " open, though no launcher runs on this data directory: stop it, then back up");
    }

    /**
     * Kafka's cluster id and log, without what Kafka rebuilds on start: the offset and time indexes (a
     * running broker's are 10 MB each, mostly empty), its lock and the mark of a clean shutdown, whose
     * absence makes it check the end of each log. {@code server.properties} is written at each start.
     */
    private static void copyKafka(Path kafka, Path copy) throws IOException {
        copyTree(kafka, copy, path -> {
            String name = path.getFileName().toString();
            return !name.endsWith(".index")
                    && !name.endsWith(".timeindex")
                    && !name.equals(".lock")
                    && !name.equals(".kafka_cleanshutdown")
                    && !name.equals("server.properties");
        });
    }

    private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> keep) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(path) && keep.test(path)) {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String said = new String(kill.getInputStream().readAllBytes()).strip();
            if (kill.waitFor() != 0) {
                throw new IOException("could not " + signal + " Kafka (pid " + pid + "): " + said);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pausing or resuming Kafka", interrupted);
        }
    }

    private static @Nullable String clusterId(Path staging) throws IOException {
        Path file = staging.resolve(KAFKA).resolve("cluster.id");
        return Files.exists(file) ? Files.readString(file).strip() : null;
    }

    private static Map<String, BackupManifest.ArchivedFile> describe(Path staging) throws IOException {
        Map<String, BackupManifest.ArchivedFile> files = new TreeMap<>();
        for (Path file : regularFiles(staging)) {
            files.put(entryName(staging, file), BackupManifest.ArchivedFile.of(file));
        }
        return files;
    }

    /** The manifest first, then each file; written aside and moved in place, readable by its owner only. */
    private static void zip(Path staging, BackupManifest manifest, Path archive) throws IOException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            for (Path file : regularFiles(staging)) {
                zip.putNextEntry(new ZipEntry(entryName(staging, file)));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(partial);
            throw failed;
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** An archive's entry names use '/', whatever the system. */
    static String entryName(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static String platformVersion() {
        String version = PlatformBackup.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
