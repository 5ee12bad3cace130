package org.tirelire.local.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}, the first entry of a backup archive: what the archive holds and how to know it
 * arrived whole. Restoring checks every file against its size and SHA-256, and the store against the
 * number of documents of each collection.
 *
 * @param format the archive's layout; a restore refuses a format it does not know
 * @param platformVersion the version of Tirelire that wrote it
 * @param whileRunning true when taken from a running platform (Kafka paused for {@code kafkaPausedMillis})
 * @param kafkaClusterId the embedded Kafka's cluster id, kept by a restore (event positions stay valid)
 * @param collections documents per collection ({@code database.collection}) in the store of the archive
 * @param files every other entry of the archive, by path, with its size and SHA-256
 */
public record BackupManifest(
        int format,
        String platformVersion,
        Instant createdAt,
        boolean whileRunning,
        long kafkaPausedMillis,
        @Nullable String kafkaClusterId,
        Map<String, Long> collections,
        Map<String, ArchivedFile> files) {

    public static final int FORMAT = 1;

    static final String ENTRY = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record ArchivedFile(long bytes, String sha256) {

        static ArchivedFile of(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        }

        /** Reads the stream to its end, counting and hashing it. */
        static ArchivedFile read(InputStream in) throws IOException {
            MessageDigest sha256 = newSha256Digest();
            long bytes = 0;
            try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = digesting.read(buffer)) >= 0; ) {
                    bytes += read;
                }
            }
            return new ArchivedFile(bytes, HexFormat.of().formatHex(sha256.digest()));
        }
    }

    /** Documents in all, every collection of every service. */
    public long documents() {
        return collections.values().stream().mapToLong(Long::longValue).sum();
    }

    byte[] toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    static BackupManifest fromJson(InputStream in) {
        return JSON.readValue(in, BackupManifest.class);
    }

    static MessageDigest newSha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
