package org.tirelire.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./tirelire migrate} says before moving anything. The move itself, from one platform's Kafka
 * and MongoDB to others, is tested end to end in system-tests (BackupRestoreMigrateIT).
 */
class MigrateCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void each_service_is_told_its_own_database_on_the_new_server_with_the_uri_s_options_kept() {
        assertThat(MigrateCommand.withDatabase("mongodb://db.example.org:27017", "tirelire-campaigns"))
                .isEqualTo("mongodb://db.example.org:27017/tirelire-campaigns");
        assertThat(MigrateCommand.withDatabase(
                        "mongodb://tirelire:s3cret@a:27017,b:27017/admin?replicaSet=rs0&authSource=admin",
                        "tirelire-donations"))
                .isEqualTo(
                        "mongodb://tirelire:s3cret@a:27017,b:27017/tirelire-donations?replicaSet=rs0&authSource=admin");
        assertThat(MigrateCommand.withDatabase(
                        "mongodb+srv://cluster0.example.net/?retryWrites=true", "tirelire-gateway"))
                .isEqualTo("mongodb+srv://cluster0.example.net/tirelire-gateway?retryWrites=true");
    }

    @Test
    void both_servers_must_be_named_and_there_must_be_data_to_move() {
        List<String> said = new ArrayList<>();
        Map<String, String> environment = Map.of("TIRELIRE_DATA_DIR", dataDir.toString());

        assertThat(MigrateCommand.run(List.of("--mongodb", "mongodb://db:27017"), dataDir, environment, said::add))
                .isEqualTo(2);
        assertThat(said).containsExactly("Usage: ./tirelire migrate --mongodb mongodb://HOST:27017 --kafka HOST:9092");
        said.clear();
        assertThat(MigrateCommand.run(
                        List.of("--mongodb", "mongodb://db:27017", "--kafka", "kafka:9092"),
                        dataDir,
                        environment,
                        said::add))
                .isEqualTo(1);
        assertThat(said).containsExactly("Nothing moved: there is no platform data in " + dataDir);
    }
}
