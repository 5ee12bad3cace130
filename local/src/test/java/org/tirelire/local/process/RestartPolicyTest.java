package org.tirelire.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final RestartPolicy policy = RestartPolicy.DEFAULT;

    @Test
    void a_part_that_exits_is_started_again_after_1_then_2_4_8_16_seconds() {
        assertThat(policy.nextDelay(List.of(), NOW)).contains(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(restartsAgo(10), NOW)).contains(Duration.ofSeconds(2));
        assertThat(policy.nextDelay(restartsAgo(10, 20), NOW)).contains(Duration.ofSeconds(4));
        assertThat(policy.nextDelay(restartsAgo(10, 20, 30, 40), NOW)).contains(Duration.ofSeconds(16));
    }

    @Test
    void after_five_restarts_within_five_minutes_it_is_left_stopped() {
        assertThat(policy.nextDelay(restartsAgo(10, 40, 80, 150, 290), NOW)).isEmpty();
    }

    @Test
    void restarts_older_than_five_minutes_no_longer_count() {
        assertThat(policy.nextDelay(restartsAgo(301, 400, 500, 600, 10), NOW)).contains(Duration.ofSeconds(2));
    }

    @Test
    void the_wait_never_exceeds_thirty_seconds() {
        RestartPolicy patient =
                new RestartPolicy(10, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(patient.nextDelay(restartsAgo(1, 2, 3, 4, 5, 6, 7), NOW)).contains(Duration.ofSeconds(30));
    }

    private static List<Instant> restartsAgo(long... seconds) {
        return java.util.Arrays.stream(seconds)
                .mapToObj(NOW::minusSeconds)
                .sorted()
                .toList();
    }
}
