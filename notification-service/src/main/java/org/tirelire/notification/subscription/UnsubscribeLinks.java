package org.tirelire.notification.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import org.tirelire.notification.email.EmailProperties;

/**
 * One-click unsubscribe links: the subscription's id, signed with HMAC-SHA256, so a link cannot be
 * forged for someone else. The secret is created once and kept in the database, so links sent before
 * a restart keep working.
 */
@Component
public class UnsubscribeLinks {

    @Document("settings")
    record Secret(@Id String name, String value) {}

    private static final String SECRET_NAME = "unsubscribe-link-secret";

    private final MongoTemplate mongo;
    private final EmailProperties properties;
    private volatile byte[] secret;

    UnsubscribeLinks(MongoTemplate mongo, EmailProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** The address to put in the email and in its {@code List-Unsubscribe} header. */
    public String linkFor(String subscriberId) {
        return properties.publicBaseUrl() + "/api/unsubscribe?token=" + tokenFor(subscriberId);
    }

    String tokenFor(String subscriberId) {
        String id =
                Base64.getUrlEncoder().withoutPadding().encodeToString(subscriberId.getBytes(StandardCharsets.UTF_8));
        return id + "." + sign(id);
    }

    /** The subscription a token stands for, if its signature holds. */
    Optional<String> subscriberIdOf(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        boolean genuine = MessageDigest.isEqual(
                sign(id).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        if (!genuine) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private byte[] secret() {
        byte[] loaded = secret;
        if (loaded == null) {
            Secret stored = mongo.findById(SECRET_NAME, Secret.class);
            if (stored == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    mongo.insert(new Secret(SECRET_NAME, HexFormat.of().formatHex(fresh)));
                } catch (DuplicateKeyException anotherInstanceWasFirst) {
                    // use the one it stored
                }
                stored = mongo.findById(SECRET_NAME, Secret.class);
            }
            loaded = HexFormat.of().parseHex(stored.value());
            secret = loaded;
        }
        return loaded;
    }
}
