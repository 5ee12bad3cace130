package org.tirelire.campaign.messaging;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.tirelire.contracts.events.EventCodec;

@Configuration
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A record that fails (MongoDB down, say) is retried with backoff for as long as it takes, never
     * skipped: skipping a donation event would break a total. The container seeks back rather than
     * blocking in the poll loop, so the consumer keeps its partitions while it waits.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryForever() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(200).toMillis(), 2.0);
            backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
            backOff.setMaxElapsedTime(Long.MAX_VALUE);
            DefaultErrorHandler errorHandler = new DefaultErrorHandler(
                    (record, failure) -> log.error("Gave up on {}", record, failure), backOff);
            errorHandler.setRetryListeners((record, failure, attempt) -> log.warn(
                    "Attempt {} at {}-{}@{} failed: {}",
                    attempt,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    failure.toString()));
            container.setCommonErrorHandler(errorHandler);
        };
    }
}
