package org.tirelire.donation.testclock;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.kit.time.MovableClock;

/**
 * With {@code tirelire.test-clock.enabled} (env {@code TIRELIRE_TEST_CLOCK_ENABLED=true}), the service's
 * clock can be moved, and stays moved across restarts and for every instance ({@link SharedTestClock}).
 * Off by default: a real platform's time is the real time.
 */
@Configuration
@ConditionalOnProperty(name = "tirelire.test-clock.enabled", havingValue = "true")
class TestClockConfiguration {

    static final String OFFSET = "test-clock-offset";

    @Document("settings")
    record ClockOffset(@Id String name, long seconds) {}

    @Bean
    MovableClock testClock(MongoTemplate mongo) {
        return new MovableClock(Clock.systemUTC(), storedOffset(mongo));
    }

    static Duration storedOffset(MongoTemplate mongo) {
        ClockOffset saved = mongo.findById(OFFSET, ClockOffset.class);
        return Duration.ofSeconds(saved == null ? 0 : saved.seconds());
    }
}
