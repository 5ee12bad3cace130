package org.tirelire.identity;

import java.time.Clock;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.repository.config.EnableReactiveMongoRepositories;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * Organiser accounts and the tokens that name them, switched on by being on the classpath: the gateway
 * process includes this module at run time without its code knowing it. A deployment whose API clients
 * use an external OpenID Connect provider (ADR 13) can leave it out; the web pages' sign-in needs it.
 * The module declares its repositories itself, before Spring Boot would look for some in the
 * application's package (the gateway has none).
 */
@AutoConfiguration(before = DataMongoReactiveRepositoriesAutoConfiguration.class)
@ComponentScan
@EnableConfigurationProperties(AuthProperties.class)
@EnableReactiveMongoRepositories
public class IdentityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The {@code mongo} component of the gateway's {@code /actuator/health}: the accounts' database answers a
     * {@code ping}, which the embedded MongoDB-wire server knows (Spring Boot's own indicator, switched off,
     * sends {@code hello} to every database of the server).
     */
    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return () -> mongo.executeCommand(new Document("ping", 1))
                .then(mongo.getMongoDatabase())
                .map(database ->
                        Health.up().withDetail("database", database.getName()).build())
                .onErrorResume(unreachable -> Mono.just(Health.down(unreachable).build()));
    }

    /** bcrypt, an adaptive hash: its cost can be raised as machines get faster. */
    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        return new BCryptPasswordEncoder(properties.passwordHashCost());
    }
}
