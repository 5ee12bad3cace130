package org.tirelire.kit.tracing;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

/**
 * Each MongoDB command a service sends is a span of the trace it serves (Spring Data MongoDB's
 * observation), so a slow gift shows which read or write took the time. {@code
 * tirelire.tracing.mongodb-commands=false} leaves them out.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(name = "tirelire.tracing.mongodb-commands", havingValue = "true", matchIfMissing = true)
public class MongoCommandTracing {

    @Bean
    MongoClientSettingsBuilderCustomizer mongoCommandSpans(ObservationRegistry observations) {
        return settings -> settings.contextProvider(ContextProviderFactory.create(observations))
                .addCommandListener(new MongoObservationCommandListener(observations));
    }
}
