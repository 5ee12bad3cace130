package org.tirelire.local.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void a_data_directory_gets_one_random_key_of_32_bytes_readable_by_its_owner_only() throws Exception {
        String first = DataDirectoryKeys.paymentsCredentials(dataDir);
        String again = DataDirectoryKeys.paymentsCredentials(dataDir);

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);
        Path file = dataDir.resolve("secrets").resolve(DataDirectoryKeys.PAYMENTS_CREDENTIALS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void each_kind_of_secret_has_a_key_of_its_own() throws Exception {
        assertThat(DataDirectoryKeys.signInSecrets(dataDir))
                .isEqualTo(DataDirectoryKeys.signInSecrets(dataDir))
                .isNotEqualTo(DataDirectoryKeys.paymentsCredentials(dataDir));
    }

    @Test
    void another_data_directory_gets_another_key(@TempDir Path other) throws Exception {
        assertThat(DataDirectoryKeys.paymentsCredentials(other))
                .isNotEqualTo(DataDirectoryKeys.paymentsCredentials(dataDir));
    }
}
