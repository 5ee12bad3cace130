package org.tirelire.notification.fundraiser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret of a supporter's private link: whoever holds it may edit or close the page (ADR 9). Only
 * its SHA-256 is stored, so a copy of the database edits nothing; it is compared in constant time.
 */
public record EditToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token: 24 random bytes, in hex. */
    public static EditToken generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new EditToken(HexFormat.of().formatHex(bytes));
    }

    /** What is stored of the token. */
    public String hash() {
        return sha256(value);
    }

    /** Whether a presented token is the one whose hash was stored. */
    static boolean matches(String storedHash, String presented) {
        return MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII),
                sha256(presented).getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
