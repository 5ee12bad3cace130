package org.tirelire.kit.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Signs the links a service emails to people without an account (unsubscribe, a tax receipt), with
 * HMAC-SHA256, so that a link cannot be made up for someone else. The secret is created once per
 * service, kept in its database ({@code settings}), and shared by all its instances, so that links sent
 * before a restart keep working.
 */
public class LinkSignatures {

    @Document("settings")
    record Secret(@Id String name, String value) {}

    private final MongoTemplate mongo;
    private final String secretName;
    private volatile byte[] secret;

    /** @param secretName the secret's name in {@code settings}: one secret per kind of link */
    public LinkSignatures(MongoTemplate mongo, String secretName) {
        this.mongo = mongo;
        this.secretName = secretName;
    }

    /** The signature of {@code text}, in hexadecimal. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** Whether {@code signature} is this service's for {@code text}, compared in constant time. */
    public boolean verify(String text, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(text).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A token for a link that stops working at {@code expiresAt}: {@code <epoch seconds>.<signature>}, the
     * signature over what the link gives access to ({@code subject}) and the expiry.
     */
    public String expiringToken(String subject, java.time.Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return expires + "." + sign(subject + ":" + expires);
    }

    /** Whether {@code token} is one this service made for {@code subject}, and has not expired at {@code now}. */
    public boolean admits(String subject, String token, java.time.Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException notAnExpiry) {
            return false;
        }
        return verify(subject + ":" + expires, token.substring(dot + 1)) && now.getEpochSecond() < expires;
    }

    private byte[] secret() {
        byte[] loaded = secret;
        if (loaded == null) {
            Secret stored = mongo.findById(secretName, Secret.class);
            if (stored == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    mongo.insert(new Secret(secretName, HexFormat.of().formatHex(fresh)));
                } catch (DuplicateKeyException anotherInstanceWasFirst) {
                    // use the one it stored
                }
                stored = mongo.findById(secretName, Secret.class);
            }
            loaded = HexFormat.of().parseHex(stored.value());
            secret = loaded;
        }
        return loaded;
    }
}
