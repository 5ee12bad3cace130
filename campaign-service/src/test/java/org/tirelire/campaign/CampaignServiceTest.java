package org.tirelire.campaign;

import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tirelire.testing.MutableClock;
import org.tirelire.testing.TestInfrastructure;
import org.tirelire.testing.TestTokens;

/**
 * campaign-service as every integration test here runs it: on a real Kafka broker and MongoDB-wire
 * server, with one configuration, so that Spring starts it once for all of them. Each test makes its own
 * organisations and campaigns.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tirelire.messaging.outbox-poll-interval=100ms",
            "tirelire.admin.token=test-admin-token",
            "tirelire.campaigns.deadline-check-interval=1h" // the lifecycle tests run the closer themselves
        })
@Import(CampaignServiceTest.ControllableClock.class)
abstract class CampaignServiceTest {

    /** The service's clock: the system's, moved forward by the tests that need a deadline to pass. */
    static final MutableClock clock = new MutableClock();

    @TestConfiguration
    static class ControllableClock {
        @Bean
        Clock clock() {
            return clock;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "campaign-service-it");
        TestTokens.register(registry);
    }
}
