package org.tirelire.local.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of a stopped platform's data directory, restored into another: the same documents, Kafka's log
 * and cluster id, the secrets' keys; and a restore that refuses, writing nothing, whatever is not a whole
 * backup or would mix two platforms' data. The running platform's backup is tested end to end in
 * system-tests (BackupRestoreIT).
 */
class PlatformBackupTest {

    @TempDir
    Path dir;

    private Path dataDir;
    private Path archive;

    @BeforeEach
    void aStoppedPlatformsData() throws IOException {
        dataDir = dir.resolve("data");
        archive = dir.resolve("backups").resolve("tirelire-backup.zip");
        Files.createDirectories(dataDir.resolve("mongo"));
        MongoServer server = new MongoServer(
                new H2Backend(dataDir.resolve("mongo/tirelire.mv").toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            for (int i = 0; i < 12; i++) {
                client.getDatabase("tirelire-donations")
                        .getCollection("donations")
                        .insertOne(new Document("_id", "don-" + i).append("amount", 10_00 + i));
            }
            client.getDatabase("tirelire-campaigns")
                    .getCollection("campaigns")
                    .insertOne(new Document("_id", "cmp-1").append("raised", 12_066));
        }
        server.shutdown();
        write("kafka/cluster.id", "q1Sh-9_xTXqYs4wAbCdEfg\n");
        write("kafka/server.properties", "node.id=1\n");
        write("kafka/data/meta.properties", "cluster.id=q1Sh-9_xTXqYs4wAbCdEfg\n");
        write("kafka/data/tirelire.donation-events-0/00000000000000000000.log", "twelve gifts");
        write("kafka/data/tirelire.donation-events-0/00000000000000000000.index", "rebuilt by Kafka");
        write("kafka/data/tirelire.donation-events-0/00000000000000000000.timeindex", "rebuilt by Kafka");
        write("kafka/data/.lock", "");
        write("secrets/payments-credentials.key", "a2V5\n");
        write("logs/kafka.log", "not data");
    }

    @Test
    void a_stopped_platform_restored_elsewhere_has_every_document_kafka_s_log_and_the_keys() throws IOException {
        BackupManifest manifest = PlatformBackup.write(dataDir, null, archive);

        assertThat(manifest.format()).isEqualTo(BackupManifest.FORMAT);
        assertThat(manifest.whileRunning()).isFalse();
        assertThat(manifest.kafkaClusterId()).isEqualTo("q1Sh-9_xTXqYs4wAbCdEfg");
        assertThat(manifest.collections())
                .containsEntry("tirelire-donations.donations", 12L)
                .containsEntry("tirelire-campaigns.campaigns", 1L);
        assertThat(manifest.files().keySet())
                .as("indexes, lock, settings and logs are not data")
                .containsExactlyInAnyOrder(
                        "kafka/cluster.id",
                        "kafka/data/meta.properties",
                        "kafka/data/tirelire.donation-events-0/00000000000000000000.log",
                        "mongo/tirelire.mv",
                        "secrets/payments-credentials.key");
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.entries().nextElement().getName()).isEqualTo("manifest.json");
        }

        Path elsewhere = dir.resolve("elsewhere");
        Files.createDirectories(elsewhere.resolve("logs")); // a previous run's logs do not count as data
        BackupManifest restored = PlatformRestore.restore(archive, elsewhere);

        assertThat(restored).isEqualTo(manifest);
        assertThat(StoreContents.documentsByCollection(elsewhere.resolve("mongo/tirelire.mv")))
                .isEqualTo(manifest.collections());
        assertThat(Files.readString(
                        elsewhere.resolve("kafka/data/tirelire.donation-events-0/00000000000000000000.log")))
                .isEqualTo("twelve gifts");
        assertThat(Files.readString(elsewhere.resolve("kafka/cluster.id"))).isEqualTo("q1Sh-9_xTXqYs4wAbCdEfg\n");
        assertThat(Files.getPosixFilePermissions(elsewhere.resolve("secrets/payments-credentials.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(elsewhere).map(path -> path.getFileName().toString()))
                .as("nothing left of the restore's own work")
                .containsExactlyInAnyOrder("kafka", "mongo", "secrets", "logs");
    }

    @Test
    void a_backup_never_replaces_a_file_and_needs_data_to_back_up() throws IOException {
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "last week's backup");

        assertThatThrownBy(() -> PlatformBackup.write(dataDir, null, archive)).hasMessageContaining("already exists");
        assertThat(Files.readString(archive)).isEqualTo("last week's backup");
        assertThatThrownBy(() -> PlatformBackup.write(dir.resolve("empty"), null, dir.resolve("other.zip")))
                .hasMessageContaining("no platform data");
        assertThat(Files.list(archive.getParent())).containsExactly(archive);
    }

    @Test
    void a_store_still_open_without_its_launcher_is_not_copied_under_its_writes() throws IOException {
        MongoServer stillRunning = new MongoServer(
                new H2Backend(dataDir.resolve("mongo/tirelire.mv").toString()));
        try {
            assertThatThrownBy(() -> PlatformBackup.write(dataDir, null, archive))
                    .hasMessageContaining("still has")
                    .hasMessageContaining("open, though no launcher runs");
        } finally {
            stillRunning.shutdown();
        }
        assertThat(Files.exists(archive)).isFalse();
        assertThat(dataDir.resolve("run/backup-staging"))
                .as("no copy left behind")
                .doesNotExist();
    }

    @Test
    void one_backup_at_a_time_and_never_inside_the_data_directory_it_saves() throws IOException {
        Files.createDirectories(dataDir.resolve("run"));
        try (FileChannel lock = FileChannel.open(
                        dataDir.resolve("run/backup.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            assertThatThrownBy(() -> PlatformBackup.write(dataDir, null, archive))
                    .hasMessageContaining("another backup of")
                    .hasMessageContaining("is under way");
        }
        assertThatThrownBy(() -> PlatformBackup.write(dataDir, null, dataDir.resolve("kafka/backup.zip")))
                .hasMessageContaining("a backup goes outside the data directory it saves");
        assertThat(Files.exists(archive)).isFalse();

        assertThat(PlatformBackup.write(dataDir, null, archive).collections()).isNotEmpty();
    }

    @Test
    void a_restore_never_mixes_two_platforms_data() throws IOException {
        PlatformBackup.write(dataDir, null, archive);

        assertThatThrownBy(() -> PlatformRestore.restore(archive, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds data (kafka, mongo, secrets)");
        assertThat(Files.readString(dataDir.resolve("kafka/data/tirelire.donation-events-0/00000000000000000000.log")))
                .isEqualTo("twelve gifts");
    }

    @Test
    void a_damaged_incomplete_or_foreign_archive_restores_nothing() throws IOException {
        PlatformBackup.write(dataDir, null, archive);
        Path elsewhere = dir.resolve("elsewhere");

        Path damaged = copyChanging(
                "kafka/data/tirelire.donation-events-0/00000000000000000000.log", "eleven gifts", "damaged.zip");
        assertThatThrownBy(() -> PlatformRestore.restore(damaged, elsewhere))
                .hasMessageContaining("00000000000000000000.log does not match its checksum");
        Path incomplete = copyChanging("secrets/payments-credentials.key", null, "incomplete.zip");
        assertThatThrownBy(() -> PlatformRestore.restore(incomplete, elsewhere))
                .hasMessageContaining("secrets/payments-credentials.key missing");
        Path escaping = copyChanging("../../outside", "written outside the data directory", "escaping.zip");
        assertThatThrownBy(() -> PlatformRestore.restore(escaping, elsewhere))
                .hasMessageContaining("which its manifest does not list");
        Path notABackup = dir.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notABackup))) {
            zip.putNextEntry(new ZipEntry("holiday.jpg"));
        }
        assertThatThrownBy(() -> PlatformRestore.restore(notABackup, elsewhere))
                .hasMessageContaining("is not a Tirelire backup");

        assertThat(Files.list(elsewhere)).as("no data, no leftovers").isEmpty();
        assertThat(Files.exists(dir.resolve("outside"))).isFalse();
    }

    /**
     * The archive with one entry's content replaced, or taken out when {@code content} is null, or added
     * when it had none; its manifest unchanged.
     */
    private Path copyChanging(String entry, String content, String name) throws IOException {
        Path copy = dir.resolve(name);
        boolean seen = false;
        try (ZipFile original = new ZipFile(archive.toFile());
                OutputStream out = Files.newOutputStream(copy);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry each : original.stream().toList()) {
                if (each.getName().equals(entry)) {
                    seen = true;
                    if (content == null) {
                        continue;
                    }
                    zip.putNextEntry(new ZipEntry(entry));
                    zip.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.putNextEntry(new ZipEntry(each.getName()));
                    try (InputStream in = original.getInputStream(each)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
            if (!seen) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return copy;
    }

    private void write(String path, String content) throws IOException {
        Path file = dataDir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
