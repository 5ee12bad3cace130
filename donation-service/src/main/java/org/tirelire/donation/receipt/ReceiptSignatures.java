package org.tirelire.donation.receipt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The signature images receipts print, each kept once under its SHA-256 and never changed, so that a
 * receipt issued years ago still prints the signature it was issued with after the organisation changed it.
 */
@Component
class ReceiptSignatures {

    static final int MAX_BYTES = 200 * 1024;

    @Document("receipt_signatures")
    record Signature(@Id String sha256, byte[] image) {}

    private final MongoTemplate mongo;

    ReceiptSignatures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Reads a PNG or JPEG sent in base64, a {@code data:} URL prefix allowed.
     *
     * @return the image, or empty when it is not one (or too large)
     */
    static Optional<byte[]> decode(String base64) {
        String data = base64.strip();
        int comma = data.indexOf(',');
        if (data.startsWith("data:") && comma > 0) {
            data = data.substring(comma + 1);
        }
        byte[] image;
        try {
            image = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        boolean png = image.length > 8 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N';
        boolean jpeg = image.length > 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8;
        return (png || jpeg) && image.length <= MAX_BYTES ? Optional.of(image) : Optional.empty();
    }

    /** Keeps the image, once; @return its id */
    String keep(byte[] image) {
        String id = sha256(image);
        if (mongo.findById(id, Signature.class) == null) {
            try {
                mongo.insert(new Signature(id, image));
            } catch (DuplicateKeyException keptMeanwhile) {
                // the same image, kept by a concurrent request
            }
        }
        return id;
    }

    @Nullable
    byte[] image(@Nullable String id) {
        if (id == null) {
            return null;
        }
        Signature signature = mongo.findById(id, Signature.class);
        return signature == null ? null : signature.image();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
