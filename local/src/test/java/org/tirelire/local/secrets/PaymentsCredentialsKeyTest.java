package org.tirelire.local.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentsCredentialsKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void a_data_directory_gets_one_random_key_of_32_bytes_readable_by_its_owner_only() throws Exception {
        String first = PaymentsCredentialsKey.of(dataDir);
        String again = PaymentsCredentialsKey.of(dataDir);

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);
        Path file = dataDir.resolve("secrets").resolve(PaymentsCredentialsKey.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void another_data_directory_gets_another_key(@TempDir Path other) throws Exception {
        assertThat(PaymentsCredentialsKey.of(other)).isNotEqualTo(PaymentsCredentialsKey.of(dataDir));
    }
}
