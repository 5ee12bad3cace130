package org.tirelire.kit.webhooks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final WebhookSignature signature = new WebhookSignature("s3cret");
    private final byte[] body = "{\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void a_webhook_signed_with_the_secret_is_accepted() {
        assertThatCode(() -> signature.verify(body, signature.sign(body, now), now.plusSeconds(2)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_webhook_signed_with_another_secret_is_refused() {
        String forged = new WebhookSignature("guess").sign(body, now);

        assertThatThrownBy(() -> signature.verify(body, forged, now)).isInstanceOf(WebhookSignature.Rejected.class);
    }

    @Test
    void a_tampered_body_is_refused() {
        String header = signature.sign(body, now);
        byte[] tampered = "{\"type\":\"payment.succeeded\",\"x\":1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signature.verify(tampered, header, now)).isInstanceOf(WebhookSignature.Rejected.class);
    }

    @Test
    void an_old_webhook_replayed_later_is_refused() {
        String header = signature.sign(body, now);

        assertThatThrownBy(() -> signature.verify(body, header, now.plus(Duration.ofHours(1))))
                .isInstanceOf(WebhookSignature.Rejected.class)
                .hasMessageContaining("too old");
    }

    @Test
    void a_missing_or_malformed_signature_is_refused() {
        assertThatThrownBy(() -> signature.verify(body, null, now)).isInstanceOf(WebhookSignature.Rejected.class);
        assertThatThrownBy(() -> signature.verify(body, "v1=abc", now)).isInstanceOf(WebhookSignature.Rejected.class);
    }
}
