package org.tirelire.donation.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GiftAdmissionTest {

    private static final Duration WINDOW = Duration.ofMillis(500);

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T20:00:00Z"), ZoneOffset.UTC);
    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GiftAdmission admission = new GiftAdmission(
            new AdmissionProperties(true, Duration.ofSeconds(1), WINDOW), registry, clock, nanos::get);

    @Test
    void gifts_are_all_taken_while_confirmations_are_on_time() {
        window(60, Duration.ofMillis(300));
        window(60, Duration.ofMillis(300));

        assertThat(admitted(100)).isEqualTo(100);
        assertThat(shed()).isZero();
    }

    @Test
    void confirmations_running_late_under_many_gifts_shed_the_gifts_over_a_limit_below_what_came() {
        window(60, Duration.ofSeconds(3)); // 120 gifts/s came, confirmations 3 s late
        assertThat(admitted(10)).as("a late second may be a burst").isEqualTo(10);
        window(50, Duration.ofSeconds(3)); // 120 gifts/s again, still late: an overload

        // The limit is 108 gifts/s (0.9 × 120): a tenth of a second later, 10 gifts of 30 may come in.
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(admitted(30)).isEqualTo(10);
        assertThat(shed()).isEqualTo(20);
        assertThat(registry.get("tirelire.gifts.admission.limit").gauge().value())
                .isEqualTo(108.0);
    }

    @Test
    void once_confirmations_are_on_time_again_and_gifts_are_fewer_every_gift_is_taken() {
        window(60, Duration.ofSeconds(3));
        window(60, Duration.ofSeconds(3));
        window(5, Duration.ofMillis(200)); // the evening calms down, the lag is gone

        assertThat(admitted(100)).isEqualTo(100);
        assertThat(registry.get("tirelire.gifts.admission.limit").gauge().value())
                .isEqualTo(-1.0);
    }

    @Test
    void no_confirmation_heard_sheds_nothing_so_that_gifts_are_still_taken_while_kafka_is_away() {
        for (int i = 0; i < 4; i++) {
            admitted(60);
            nanos.addAndGet(WINDOW.toNanos());
            admission.adjust();
        }

        assertThat(admitted(100)).isEqualTo(100);
    }

    @Test
    void a_limit_left_when_confirmations_stop_coming_goes_after_a_minute_without_a_measure() {
        window(60, Duration.ofSeconds(3));
        window(60, Duration.ofSeconds(3));
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(admitted(100)).as("shedding").isLessThan(100);

        for (int silent = 0; silent < GiftAdmission.SILENT_WINDOWS_BEFORE_LIFTING; silent++) {
            nanos.addAndGet(WINDOW.toNanos());
            admission.adjust(); // Kafka went away: nothing is heard any more
        }

        assertThat(admitted(100)).isEqualTo(100);
    }

    @Test
    void a_few_gifts_are_never_shed_whatever_the_lag_nor_for_an_old_event_read_again() {
        window(10, Duration.ofSeconds(30)); // 20 gifts/s: the lag is not theirs
        window(10, Duration.ofSeconds(30));
        window(60, Duration.ofHours(2)); // an event of two hours ago, read again after a restart
        window(60, Duration.ofHours(2));

        assertThat(admitted(100)).isEqualTo(100);
        assertThat(shed()).isZero();
    }

    /** Half a second in which {@code gifts} come and each confirmation is heard {@code lag} late. */
    private void window(int gifts, Duration lag) {
        admitted(gifts);
        for (int i = 0; i < gifts; i++) {
            admission.confirmationHeard(clock.instant().minus(lag));
        }
        nanos.addAndGet(WINDOW.toNanos());
        admission.adjust();
    }

    private int admitted(int gifts) {
        int admitted = 0;
        for (int i = 0; i < gifts; i++) {
            if (admission.admit()) {
                admitted++;
            }
        }
        return admitted;
    }

    private double shed() {
        return registry.get("tirelire.gifts.shed").counter().count();
    }
}
