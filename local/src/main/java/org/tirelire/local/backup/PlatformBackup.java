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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.tirelire.local.FileTrees;
import org.tirelire.local.process.ProcessSignals;

/**
 * Writes one archive of what a data directory's platform cannot lose: every service's database (the
 * MongoDB-wire store), Kafka's log with its cluster id, and the keys that encrypt secrets at rest. Logs
 * and run files stay out.
 *
 * <p>From a running platform, the archive is consistent without stopping it (ADR 37): the Kafka process
 * is paused (SIGSTOP) while the store is copied and Kafka's files are read, then resumed. Paused, Kafka
 * neither takes an event nor acknowledges one, so every event it holds came from data the copy holds,
 * and every event the copy's data applied is in Kafka; what was still in an outbox is sent after a
 * restore, as after a crash. Services wait for Kafka meanwhile as they do for a network hiccup.
 *
 * <p>One backup of a data directory at a time ({@code run/backup.lock}): another one's resuming Kafka
 * would end this one's pause half-way.
 */
public final class PlatformBackup {

    /** The processes of a running platform a backup talks to: Kafka's to pause, MongoDB's to ask for a copy. */
    public record RunningParts(long kafkaPid, int mongoPort) {}

    static final String STORE = "mongo/tirelire.mv";
    static final String KAFKA = "kafka";
    static final String SECRETS = "secrets";
    /** What identifies the embedded broker's process: its main class. */
    private static final String KAFKA_MAIN_CLASS = "kafka.Kafka";

    private PlatformBackup() {}

    /**
     * @param running the running platform's parts, or null when nothing runs on {@code dataDir}
     * @return the manifest written as the archive's first entry
     */
    public static BackupManifest write(Path dataDir, @Nullable RunningParts running, Path archive) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        Path target = archive.toAbsolutePath().normalize();
        if (!Files.exists(data.resolve(STORE))
                || !Files.isDirectory(data.resolve(KAFKA).resolve("data"))) {
            throw new IllegalStateException("there is no platform data to back up in " + data);
        }
        if (target.startsWith(data)) {
            throw new IllegalStateException("a backup goes outside the data directory it saves, not in " + data);
        }
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target + " already exists: a backup never replaces a file");
        }
        Files.createDirectories(data.resolve("run"));
        try (FileChannel lockFile = FileChannel.open(
                        data.resolve("run").resolve("backup.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock onlyBackup = lockFile.tryLock()) {
            if (onlyBackup == null) {
                throw new IllegalStateException("another backup of " + data + " is under way: try again in a moment");
            }
            // What an interrupted backup left (a copy of the store and the keys) goes first.
            Path staging = data.resolve("run").resolve("backup-staging");
            FileTrees.deleteTree(staging);
            Files.createDirectories(staging);
            try {
                long pausedMillis;
                if (running != null) {
                    pausedMillis = copyWhileKafkaPaused(data, running, staging);
                } else {
                    pausedMillis = 0;
                    copyClosedStore(data.resolve(STORE), staging.resolve(STORE));
                    copyKafka(data.resolve(KAFKA), staging.resolve(KAFKA));
                }
                copyTree(data.resolve(SECRETS), staging.resolve(SECRETS), path -> true);
                BackupManifest manifest = new BackupManifest(
                        BackupManifest.FORMAT,
                        platformVersion(),
                        Instant.now(),
                        running != null,
                        pausedMillis,
                        clusterId(staging),
                        StoreContents.documentsByCollection(staging.resolve(STORE)),
                        describe(staging));
                zip(staging, manifest, target);
                return manifest;
            } finally {
                FileTrees.deleteTree(staging);
            }
        } catch (OverlappingFileLockException sameProcess) {
            throw new IllegalStateException("another backup of " + data + " is under way: try again in a moment");
        }
    }

    private static long copyWhileKafkaPaused(Path data, RunningParts running, Path staging) throws IOException {
        requireKafka(running.kafkaPid());
        Files.createDirectories(staging.resolve(STORE).getParent());
        // Never waits for ever: a MongoDB-wire server that does not answer ends the pause with an error.
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + running.mongoPort()
                + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=5000&socketTimeoutMS=60000")) {
            MongoDatabase admin = mongo.getDatabase("admin");
            admin.runCommand(new Document("ping", 1)); // connected before Kafka pauses, not while
            long pausedAt = System.nanoTime();
            ProcessSignals.pause(running.kafkaPid());
            // Whatever ends this process meanwhile (Ctrl-C, a kill) resumes Kafka on its way out.
            Thread resumeOnExit = new Thread(() -> resumeQuietly(running.kafkaPid()), "resume-kafka");
            Runtime.getRuntime().addShutdownHook(resumeOnExit);
            try {
                Path snapshot = staging.resolve("store-snapshot.zip");
                Document copied = admin.runCommand(new Document("tirelireSnapshot", snapshot.toString()));
                requireStoreOf(data, copied.getString("source"));
                unzipTheStore(snapshot, staging.resolve(STORE));
                copyKafka(data.resolve(KAFKA), staging.resolve(KAFKA));
                if (!ProcessSignals.isPaused(running.kafkaPid())) {
                    throw new IllegalStateException("Kafka was resumed during the copy (the launcher resumes a Kafka"
                            + " paused for over a minute): the copy would not be consistent");
                }
            } finally {
                ProcessSignals.resume(running.kafkaPid());
                removeHook(resumeOnExit);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt);
        }
    }

    /** The server's snapshot holds the store as its one entry; the archive holds it as a file of its own. */
    private static void unzipTheStore(Path snapshot, Path store) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(snapshot))) {
            if (zip.getNextEntry() == null) {
                throw new IllegalStateException("the MongoDB-wire server's snapshot is empty");
            }
            Files.copy(zip, store);
        }
        Files.delete(snapshot);
    }

    /** The process to pause is this platform's Kafka, alive: never a process that took a dead one's id. */
    private static void requireKafka(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                || !ProcessSignals.arguments(pid).contains(KAFKA_MAIN_CLASS)) {
            throw new IllegalStateException("Kafka (process " + pid + ") is not running: see ./tirelire status");
        }
    }

    /** The MongoDB-wire server that copied its store is this data directory's, not another platform's. */
    private static void requireStoreOf(Path data, @Nullable String source) throws IOException {
        if (source == null || !Files.isSameFile(Path.of(source), data.resolve(STORE))) {
            throw new IllegalStateException("the MongoDB-wire server on that port keeps " + source
                    + ", not this data directory's store: is TIRELIRE_MONGO_PORT the one Tirelire runs with?");
        }
    }

    private static void resumeQuietly(long pid) {
        try {
            ProcessSignals.resume(pid);
        } catch (IOException alreadyGone) {
            // nothing left to resume
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and resumes a Kafka already resumed: harmless
        }
    }

    /**
     * A closed store, copied through the channel that holds its lock: a MongoDB-wire server still running
     * without its launcher (stopping, or left behind) holds it, and its file is then not copied under its
     * writes. (Opening the file a second time and closing it would release this process's lock.)
     */
    private static void copyClosedStore(Path store, Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (lock == null) {
                throw storeInUse(store);
            }
            long size = channel.size();
            for (long copied = 0; copied < size; ) {
                copied += channel.transferTo(copied, size - copied, out);
            }
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

    private static void copyTree(Path from, Path to, Predicate<Path> keep) throws IOException {
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
        Files.createDirectories(archive.getParent());
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
        return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
    }

    static String platformVersion() {
        String version = PlatformBackup.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
