package org.tirelire.donation.testclock;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tirelire.kit.time.MovableClock;

/**
 * The test clock's offset, kept in the database ({@code settings}): every instance of the service follows
 * it within {@code tirelire.test-clock.follow-every}, and a restart starts from it. Moved on one instance
 * (through the gateway, any one), the platform's donation-service moves as one.
 */
@Component
@ConditionalOnProperty(name = "tirelire.test-clock.enabled", havingValue = "true")
class SharedTestClock {

    private final MovableClock clock;
    private final MongoTemplate mongo;

    SharedTestClock(MovableClock clock, MongoTemplate mongo) {
        this.clock = clock;
        this.mongo = mongo;
    }

    Duration stored() {
        return TestClockConfiguration.storedOffset(mongo);
    }

    /**
     * Stored first, then applied. Moving and {@link #follow following} take turns: a follow that read the
     * previous offset just before the move would otherwise put this instance's clock back for a second,
     * and its charges and claims would carry a time a month old.
     */
    synchronized void moveTo(Duration offset) {
        mongo.save(new TestClockConfiguration.ClockOffset(TestClockConfiguration.OFFSET, offset.toSeconds()));
        clock.resetTo(offset);
    }

    @Scheduled(fixedDelayString = "${tirelire.test-clock.follow-every:1s}")
    synchronized void follow() {
        clock.resetTo(stored());
    }
}
