package org.tirelire.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings under {@code tirelire.webhooks}.
 *
 * @param allowLocalTargets accept {@code http://} and addresses on this machine or a private network;
 *     for a laptop or a test, never on a shared server (a webhook must not reach the platform's inside)
 * @param perOrganisation how many webhooks an organisation may register
 */
@ConfigurationProperties("tirelire.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowLocalTargets,
        @DefaultValue("10") int perOrganisation) {}
