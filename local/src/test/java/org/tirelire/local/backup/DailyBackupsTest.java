package org.tirelire.local.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One setting turns daily backups on; each day's archive is added and the oldest beyond the kept number go. */
class DailyBackupsTest {

    @TempDir
    Path folder;

    @Test
    void the_next_backup_is_later_today_or_else_tomorrow_at_the_set_time() {
        ZonedDateTime morning = ZonedDateTime.of(2026, 12, 1, 2, 30, 0, 0, ZoneId.of("Europe/Paris"));
        ZonedDateTime evening = morning.withHour(22);

        assertThat(DailyBackups.untilNext(LocalTime.of(3, 0), morning)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DailyBackups.untilNext(LocalTime.of(3, 0), evening))
                .isEqualTo(Duration.ofHours(4).plusMinutes(30));
        assertThat(DailyBackups.untilNext(LocalTime.of(2, 30), morning)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void each_backup_keeps_the_newest_archives_and_never_touches_other_files() throws IOException {
        for (String day : List.of("20261126", "20261127", "20261128", "20261129", "20261130")) {
            Files.writeString(folder.resolve("tirelire-backup-" + day + "-030000.zip"), day);
        }
        Files.writeString(folder.resolve("tirelire-backup-before-the-move.zip"), "kept by hand");
        Files.writeString(folder.resolve("notes.txt"), "mine");
        List<String> said = new ArrayList<>();
        DailyBackups backups = new DailyBackups(folder, LocalTime.of(3, 0), 3, DailyBackupsTest::fakeBackup, said::add);

        backups.takeOne();
        backups.close();

        assertThat(Files.list(folder).map(file -> file.getFileName().toString()))
                .hasSize(5)
                .contains(
                        "tirelire-backup-20261129-030000.zip",
                        "tirelire-backup-20261130-030000.zip",
                        "tirelire-backup-before-the-move.zip",
                        "notes.txt")
                .doesNotContain(
                        "tirelire-backup-20261126-030000.zip",
                        "tirelire-backup-20261127-030000.zip",
                        "tirelire-backup-20261128-030000.zip");
        assertThat(said.get(0)).startsWith("Daily backup written: " + folder.resolve("tirelire-backup-"));
        assertThat(said).hasSize(4);
    }

    @Test
    void a_failed_backup_is_said_loudly_and_deletes_nothing() throws IOException {
        Files.writeString(folder.resolve("tirelire-backup-20261126-030000.zip"), "the only one");
        List<String> said = new ArrayList<>();
        DailyBackups backups = new DailyBackups(
                folder,
                LocalTime.of(3, 0),
                1,
                archive -> {
                    throw new IOException("No space left on device");
                },
                said::add);

        backups.takeOne();
        backups.close();

        assertThat(said).containsExactly("THE DAILY BACKUP FAILED: No space left on device (tried again tomorrow)");
        assertThat(Files.list(folder)).hasSize(1);
    }

    @Test
    void without_the_folder_setting_there_are_no_daily_backups_and_a_bad_setting_is_refused() {
        assertThat(DailyBackups.start(Map.of(), DailyBackupsTest::fakeBackup, line -> {}))
                .isEmpty();
        assertThatThrownBy(() -> DailyBackups.start(
                        Map.of("TIRELIRE_BACKUP_DIR", folder.toString(), "TIRELIRE_BACKUP_AT", "3h"),
                        DailyBackupsTest::fakeBackup,
                        line -> {}))
                .hasMessageContaining("TIRELIRE_BACKUP_AT must be a time such as 03:00");
        assertThatThrownBy(() -> DailyBackups.start(
                        Map.of("TIRELIRE_BACKUP_DIR", folder.toString(), "TIRELIRE_BACKUP_KEEP", "0"),
                        DailyBackupsTest::fakeBackup,
                        line -> {}))
                .hasMessageContaining("at least 1");
    }

    /** Stands for the platform: writes the archive, as a backup would. */
    private static BackupManifest fakeBackup(Path archive) throws IOException {
        Files.writeString(archive, "backup");
        return new BackupManifest(1, "test", Instant.now(), true, 3, "cluster", Map.of("db.c", 4L), Map.of());
    }
}
