package org.tirelire.kit.health;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code mongo} component of {@code /actuator/health}: the service's own database answers a
 * {@code ping}. Spring Boot's own indicator is switched off ({@code management.health.mongodb.enabled}): it
 * sends {@code hello} to every database of the server, which the embedded MongoDB-wire server does not
 * know (so the health was DOWN while all was well) and which a managed MongoDB may refuse on its system
 * databases. {@code ping} is known to both, and fails when the store really is away.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
public class StoreHealthConfiguration {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("The service's database does not answer") {
            @Override
            protected void doHealthCheck(Health.Builder health) {
                mongo.executeCommand(new Document("ping", 1));
                health.up().withDetail("database", mongo.getDb().getName());
            }
        };
    }
}
