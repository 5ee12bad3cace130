package org.tirelire.donation.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.Donor;
import org.tirelire.donation.donation.Frequency;
import org.tirelire.donation.payment.ProviderKind;

class SubscriptionTest {

    private static final Instant START = Instant.parse("2026-03-14T18:30:00Z");

    @Test
    void each_period_is_charged_once_and_the_next_falls_due_a_month_later() {
        Subscription gift = monthly();

        assertThat(gift.awaits(1, 0)).isTrue();
        gift.charged(1, 0, "charge-1");
        gift.charged(1, 0, "charge-1-again");

        assertThat(gift.charges()).containsExactly("first", "charge-1");
        assertThat(gift.nextPeriod()).isEqualTo(2);
        assertThat(gift.nextChargeAt()).isEqualTo(ChargeSchedule.dueAt(START, Frequency.MONTHLY, 2));
        assertThat(gift.awaits(1, 0))
                .as("a period charged is not charged again")
                .isFalse();
    }

    @Test
    void a_period_is_charged_on_its_day_and_not_before_even_when_it_is_the_one_awaited() {
        Subscription gift = monthly();
        Instant firstDue = ChargeSchedule.dueAt(START, Frequency.MONTHLY, 1);

        assertThat(gift.dueBy(1, 0, firstDue.minusSeconds(1))).isFalse();
        assertThat(gift.dueBy(1, 0, firstDue)).isTrue();
        gift.charged(1, 0, "c1");
        assertThat(gift.dueBy(2, 0, firstDue.plus(Duration.ofDays(20))))
                .as("the next period is awaited from now on, and due a month after the last")
                .isFalse();
        assertThat(gift.dueBy(2, 0, ChargeSchedule.dueAt(START, Frequency.MONTHLY, 2)))
                .isTrue();

        gift.chargeFailed("c1", 1, 0, "link", firstDue);
        Instant retry = gift.retryAt();
        assertThat(gift.dueBy(1, 1, retry.minusSeconds(1))).isFalse();
        assertThat(gift.dueBy(1, 1, retry)).isTrue();
    }

    @Test
    void a_failed_charge_is_retried_on_day_3_and_day_7_then_the_gift_is_suspended() {
        Subscription gift = monthly();
        Instant due = ChargeSchedule.dueAt(START, Frequency.MONTHLY, 1);
        gift.charged(1, 0, "c1");

        assertThat(gift.chargeFailed("c1", 1, 0, "link", START)).isTrue();
        assertThat(gift.chargeFailed("c1", 1, 0, "link", START))
                .as("the same failure heard twice")
                .isFalse();
        assertThat(gift.retryAt()).isEqualTo(due.plus(Duration.ofDays(3)));
        assertThat(gift.awaits(1, 1)).isTrue();

        gift.charged(1, 1, "c1-retry");
        gift.chargeFailed("c1-retry", 1, 1, "link", START);
        assertThat(gift.retryAt()).isEqualTo(due.plus(Duration.ofDays(7)));

        gift.charged(1, 2, "c1-last");
        gift.chargeFailed("c1-last", 1, 2, "link", START);
        assertThat(gift.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(gift.awaits(2, 0)).isFalse();
    }

    @Test
    void a_gift_that_goes_on_when_its_campaign_ends_tells_its_donor_once_and_a_suspended_one_tells_no_one() {
        Subscription active = monthly();
        Instant ended = START.plus(Duration.ofDays(40));

        active.campaignEnded("https://dons.example.org/subscriptions/s?token=t", ended);
        active.campaignEnded("https://dons.example.org/subscriptions/s?token=t", ended.plusSeconds(60));

        assertThat(active.generalFundSince()).isEqualTo(ended);
        assertThat(active.outbox())
                .extracting(pending -> pending.event().getClass().getSimpleName())
                .containsOnlyOnce("SubscriptionMovedToGeneralFund");

        Subscription suspended = monthly();
        suspended.charged(1, 0, "c1");
        suspended.chargeFailed("c1", 1, 0, "link", START);
        suspended.charged(1, 1, "c1-retry");
        suspended.chargeFailed("c1-retry", 1, 1, "link", START);
        suspended.charged(1, 2, "c1-last");
        suspended.chargeFailed("c1-last", 1, 2, "link", START);
        suspended.campaignEnded("https://dons.example.org/subscriptions/s?token=t", ended);
        assertThat(suspended.generalFundSince()).isEqualTo(ended);
        assertThat(suspended.outbox())
                .extracting(pending -> pending.event().getClass().getSimpleName())
                .as("a suspended gift does not go on: nothing to tell")
                .doesNotContain("SubscriptionMovedToGeneralFund");
    }

    @Test
    void a_retry_that_succeeds_ends_the_retries_and_the_gift_goes_on() {
        Subscription gift = monthly();
        gift.charged(1, 0, "c1");
        gift.chargeFailed("c1", 1, 0, "link", START);
        gift.charged(1, 1, "c1-retry");

        gift.chargeSucceeded(1, "sbx_retried");

        assertThat(gift.retryAt()).isNull();
        assertThat(gift.awaits(1, 2)).isFalse();
        assertThat(gift.awaits(2, 0)).isTrue();
        assertThat(gift.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void a_suspended_gift_given_a_new_method_tries_its_failed_month_again_and_skips_the_months_it_missed() {
        Subscription gift = monthly();
        gift.charged(1, 0, "c1");
        gift.chargeFailed("c1", 1, 0, "link", START);
        gift.charged(1, 1, "c1-retry");
        gift.chargeFailed("c1-retry", 1, 1, "link", START);
        gift.charged(1, 2, "c1-last");
        gift.chargeFailed("c1-last", 1, 2, "link", START);
        assertThat(gift.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        Instant later = ChargeSchedule.dueAt(START, Frequency.MONTHLY, 3).plus(Duration.ofDays(2));

        assertThat(gift.methodChanged("pm_sandbox_ok", "sbx_method_new", later)).isTrue();

        assertThat(gift.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(gift.mandate()).isEqualTo("sbx_method_new");
        assertThat(gift.awaits(1, 3)).as("the failed month, once more, now").isTrue();
        assertThat(gift.retryAt()).isEqualTo(later);
        assertThat(gift.nextPeriod())
                .as("months 2 and 3 fell in the suspension")
                .isEqualTo(4);
        gift.cancel("cancelled by the donor", later);
        assertThat(gift.methodChanged("pm_sandbox_ok", "sbx_method_other", later))
                .isFalse();
    }

    @Test
    void the_first_charge_saves_the_method_the_next_ones_are_taken_with() {
        Subscription gift = monthly();

        gift.chargeSucceeded(0, "pi_first");
        gift.chargeSucceeded(0, "pi_first_replayed");

        assertThat(gift.mandate()).isEqualTo("pi_first");
    }

    @Test
    void a_first_charge_that_fails_ends_the_gift_before_it_began() {
        Subscription gift = monthly();

        gift.chargeFailed("first", 0, 0, "link", START);

        assertThat(gift.status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(gift.cancellationReason()).isEqualTo("the first payment failed");
    }

    @Test
    void the_periods_that_fall_in_a_pause_are_not_charged() {
        Subscription gift = monthly();
        gift.charged(1, 0, "c1");
        Instant pausedAt = ChargeSchedule.dueAt(START, Frequency.MONTHLY, 1).plus(Duration.ofDays(1));

        gift.pause(
                pausedAt.atZone(ChargeSchedule.ORGANISATION_ZONE).plusMonths(2).toInstant());
        assertThat(gift.awaits(2, 0)).isFalse();
        gift.resume();

        assertThat(gift.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(gift.nextPeriod()).as("periods 2 and 3 fell in the pause").isEqualTo(4);
    }

    @Test
    void a_month_s_pause_taken_the_day_a_charge_fell_due_skips_the_next_one_too() {
        Subscription gift = monthly();
        // paused at the start, for one month: the charge due one month later falls on the pause's last day
        gift.pause(START.atZone(ChargeSchedule.ORGANISATION_ZONE).plusMonths(1).toInstant());

        assertThat(gift.nextChargeAfterPause()).isEqualTo(ChargeSchedule.dueAt(START, Frequency.MONTHLY, 2));
        gift.resume();
        assertThat(gift.nextPeriod()).isEqualTo(2);
    }

    private static Subscription monthly() {
        return Subscription.startedBy(
                "sub-1",
                "org-1",
                "camp-1",
                new Donor("Ada", "Lovelace", "ada@example.org", "fr"),
                false,
                Money.of(10_00, "EUR"),
                Frequency.MONTHLY,
                "pm_sandbox_ok",
                ProviderKind.SANDBOX,
                "first",
                "https://dons.example.org/subscriptions/sub-1?token=t",
                START);
    }
}
