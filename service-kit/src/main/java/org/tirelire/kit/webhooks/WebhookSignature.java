package org.tirelire.kit.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, the scheme most providers use: the
 * timestamp inside the signed text stops an old webhook from being replayed later with a fresh date.
 * donation-service checks payment providers' webhooks with it; notification-service signs the webhooks
 * it delivers to organisations with it, so they can check them the same way.
 */
public final class WebhookSignature {

    /** Why a webhook's signature was not accepted. */
    public static class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason);
        }
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;

    public WebhookSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(byte[] body, Instant at) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + hmac(timestamp, body);
    }

    public void verify(byte[] body, String header, Instant now) {
        if (header == null) {
            throw new Rejected("The webhook has no signature");
        }
        long timestamp = -1;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp < 0 || signature == null) {
            throw new Rejected("The webhook signature is malformed");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            throw new Rejected("The webhook is too old or from the future");
        }
        byte[] expected = hmac(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new Rejected("The webhook signature does not match");
        }
    }

    private String hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
