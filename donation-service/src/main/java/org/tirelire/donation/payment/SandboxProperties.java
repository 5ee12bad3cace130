package org.tirelire.donation.payment;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in sandbox payment provider, under {@code tirelire.payments.sandbox}.
 *
 * @param webhookSecret signs its webhooks; a random one per process when unset
 * @param confirmDelay how long after the start {@code pm_sandbox_ok} is confirmed, as a provider's webhook would be
 */
@ConfigurationProperties("tirelire.payments.sandbox")
public record SandboxProperties(
        @Nullable String webhookSecret,
        @DefaultValue("300ms") Duration confirmDelay) {}
