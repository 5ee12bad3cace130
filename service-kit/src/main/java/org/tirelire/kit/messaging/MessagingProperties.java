package org.tirelire.kit.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service talks to Kafka, under {@code tirelire.messaging}.
 *
 * @param outputBinding the Spring Cloud Stream binding its outbox events leave through
 * @param bindingsByType CloudEvents types that leave through another binding than {@code outputBinding}
 *     (in YAML, a type as a key needs brackets: {@code "[org.tirelire.campaign.progress-changed.v1]"})
 * @param consumerBindings the input bindings that must have their partitions before the service is ready
 * @param outboxPollInterval how often the outbox is swept even without a wake-up
 */
@ConfigurationProperties("tirelire.messaging")
public record MessagingProperties(
        String outputBinding,
        @DefaultValue Map<String, String> bindingsByType,
        @DefaultValue List<String> consumerBindings,
        @DefaultValue("500ms") Duration outboxPollInterval) {}
