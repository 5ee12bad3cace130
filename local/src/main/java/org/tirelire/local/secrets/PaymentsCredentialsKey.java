package org.tirelire.local.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that encrypts organisations' payment credentials on this data directory: made once, at random,
 * readable by its owner only, and kept with the data it protects. Losing it means connecting the payment
 * accounts again; copying the data directory elsewhere needs it too (docs/payments.md).
 */
public final class PaymentsCredentialsKey {

    static final String FILE = "payments-credentials.key";

    private PaymentsCredentialsKey() {}

    /** The key of {@code dataDir}, made on first use; base64 of 32 random bytes. */
    public static String of(Path dataDir) throws IOException {
        Path file = dataDir.resolve("secrets").resolve(FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // Another launcher on this directory made it a moment ago: use that one.
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}
