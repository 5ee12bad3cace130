package org.tirelire.donation.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.tirelire.donation.donation.Frequency;

class ChargeScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void a_monthly_gift_is_charged_on_the_same_day_and_time_of_each_month_in_paris() {
        Instant start = ZonedDateTime.of(2026, 3, 14, 19, 30, 0, 0, PARIS).toInstant();

        assertThat(ChargeSchedule.dueAt(start, Frequency.MONTHLY, 1))
                .isEqualTo(ZonedDateTime.of(2026, 4, 14, 19, 30, 0, 0, PARIS).toInstant());
        // across the change to winter time, still 19:30 in Paris
        assertThat(ChargeSchedule.dueAt(start, Frequency.MONTHLY, 8))
                .isEqualTo(ZonedDateTime.of(2026, 11, 14, 19, 30, 0, 0, PARIS).toInstant());
    }

    @Test
    void a_gift_started_on_the_29th_30th_or_31st_is_charged_on_the_28th_every_month() {
        Instant start = ZonedDateTime.of(2026, 1, 31, 10, 0, 0, 0, PARIS).toInstant();

        for (int period = 1; period <= 12; period++) {
            ZonedDateTime due =
                    ChargeSchedule.dueAt(start, Frequency.MONTHLY, period).atZone(PARIS);
            assertThat(due.getDayOfMonth()).isEqualTo(28);
            assertThat(due.getMonthValue()).isEqualTo(1 + period > 12 ? period - 11 : 1 + period);
        }
    }

    @Test
    void a_yearly_gift_falls_due_on_the_same_date_each_year() {
        Instant start = ZonedDateTime.of(2028, 2, 29, 9, 0, 0, 0, PARIS).toInstant();

        assertThat(ChargeSchedule.dueAt(start, Frequency.YEARLY, 1))
                .isEqualTo(ZonedDateTime.of(2029, 2, 28, 9, 0, 0, 0, PARIS).toInstant());
        assertThat(ChargeSchedule.dueAt(start, Frequency.YEARLY, 4))
                .isEqualTo(ZonedDateTime.of(2032, 2, 28, 9, 0, 0, 0, PARIS).toInstant());
    }
}
