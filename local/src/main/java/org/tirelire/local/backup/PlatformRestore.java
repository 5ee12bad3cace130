package org.tirelire.local.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tirelire.local.FileTrees;

/**
 * Puts a backup archive's data into an empty data directory, where {@code ./tirelire up} then finds it.
 * Nothing is put in place before the whole archive is checked: every file against its size and SHA-256,
 * no file the manifest does not list, and the store's collections against their numbers of documents.
 */
public final class PlatformRestore {

    /** A data directory may hold these already (a previous run's logs): they are not a platform's data. */
    private static final Set<String> NOT_DATA = Set.of("logs", "run");

    private PlatformRestore() {}

    /**
     * @throws IllegalStateException when the data directory holds a platform's data, or the archive is not a
     *     whole backup of a format this version reads; nothing is written then
     */
    public static BackupManifest restore(Path archive, Path dataDir) throws IOException {
        refuseData(dataDir);
        Files.createDirectories(dataDir);
        Path staging = Files.createTempDirectory(dataDir, ".restoring-");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            BackupManifest manifest = readManifest(zip, archive);
            extractChecked(zip, manifest, staging);
            Map<String, Long> found = StoreContents.documentsByCollection(staging.resolve(PlatformBackup.STORE));
            if (!found.equals(manifest.collections())) {
                throw new IllegalStateException(
                        archive + " is damaged: its store does not hold the documents its manifest counts");
            }
            for (String part : List.of(PlatformBackup.KAFKA, "mongo", PlatformBackup.SECRETS)) {
                if (Files.exists(staging.resolve(part))) {
                    Files.move(staging.resolve(part), dataDir.resolve(part), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            keepSecretsPrivate(dataDir.resolve(PlatformBackup.SECRETS));
            return manifest;
        } finally {
            FileTrees.deleteTree(staging);
        }
    }

    /** A restore never mixes two platforms' data, nor replaces one. */
    static void refuseData(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<String> data = entries.map(path -> path.getFileName().toString())
                    .filter(name -> !NOT_DATA.contains(name) && !name.startsWith("."))
                    .sorted()
                    .toList();
            if (!data.isEmpty()) {
                throw new IllegalStateException(dataDir + " already holds data (" + String.join(", ", data)
                        + "): restore into an empty data directory (TIRELIRE_DATA_DIR), or move this one away first");
            }
        }
    }

    private static BackupManifest readManifest(ZipFile zip, Path archive) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new IllegalStateException(archive + " is not a Tirelire backup: it has no " + BackupManifest.ENTRY);
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = BackupManifest.fromJson(in);
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException(archive + " is damaged: its manifest cannot be read", unreadable);
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new IllegalStateException(archive + " is a backup of format " + manifest.format()
                    + ", which this version of Tirelire (format " + BackupManifest.FORMAT + ") does not read");
        }
        if (!manifest.files().containsKey(PlatformBackup.STORE)) {
            throw new IllegalStateException(archive + " is damaged: it has no store");
        }
        return manifest;
    }

    private static void extractChecked(ZipFile zip, BackupManifest manifest, Path staging) throws IOException {
        Set<String> seen = new HashSet<>();
        for (ZipEntry entry : zip.stream().toList()) {
            String name = entry.getName();
            if (name.equals(BackupManifest.ENTRY) || entry.isDirectory()) {
                continue;
            }
            BackupManifest.ArchivedFile expected = manifest.files().get(name);
            Path target = staging.resolve(name).normalize();
            if (expected == null || !target.startsWith(staging)) {
                throw new IllegalStateException("the archive holds " + name + ", which its manifest does not list");
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
                // Never more than the manifest says, whatever the entry claims: a crafted archive fills no disk.
                if (Files.copy(new BoundedInputStream(in, expected.bytes() + 1), target) > expected.bytes()) {
                    throw new IllegalStateException(
                            "the archive is damaged: " + name + " is larger than its manifest says");
                }
            }
            if (!BackupManifest.ArchivedFile.of(target).equals(expected)) {
                throw new IllegalStateException("the archive is damaged: " + name + " does not match its checksum");
            }
            seen.add(name);
        }
        Set<String> missing = new HashSet<>(manifest.files().keySet());
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the archive is incomplete: " + String.join(", ", missing) + " missing");
        }
    }

    /** Reads at most {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read();
            if (read >= 0) {
                left--;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }
    }

    private static void keepSecretsPrivate(Path secrets) throws IOException {
        if (!Files.isDirectory(secrets)) {
            return;
        }
        try (Stream<Path> keys = Files.list(secrets)) {
            for (Path key : keys.toList()) {
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }
}
