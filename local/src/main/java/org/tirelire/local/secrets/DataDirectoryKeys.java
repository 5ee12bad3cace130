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
 * The keys that encrypt secrets at rest on this data directory: organisations' payment credentials, and
 * the members' two-factor secrets. Each is made once, at random, readable by its owner only, and kept
 * with the data it protects. Losing one means connecting the payment accounts, or setting up two-factor
 * sign-in, again; copying the data directory elsewhere needs them too (docs/payments.md).
 */
public final class DataDirectoryKeys {

    static final String PAYMENTS_CREDENTIALS = "payments-credentials.key";
    static final String SIGN_IN_SECRETS = "sign-in-secrets.key";

    private DataDirectoryKeys() {}

    /** The key donation-service encrypts payment credentials with; base64 of 32 random bytes. */
    public static String paymentsCredentials(Path dataDir) throws IOException {
        return of(dataDir, PAYMENTS_CREDENTIALS);
    }

    /** The key the gateway's identity module encrypts two-factor secrets with; base64 of 32 random bytes. */
    public static String signInSecrets(Path dataDir) throws IOException {
        return of(dataDir, SIGN_IN_SECRETS);
    }

    /** The key in {@code file} of {@code dataDir}'s secrets, made on first use. */
    static String of(Path dataDir, String file) throws IOException {
        Path path = dataDir.resolve("secrets").resolve(file);
        if (!Files.exists(path)) {
            Files.createDirectories(path.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Files.createFile(
                        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(path, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // Another launcher on this directory made it a moment ago: use that one.
            }
        }
        return Files.readString(path, StandardCharsets.US_ASCII).strip();
    }
}
