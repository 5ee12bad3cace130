package org.tirelire.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.EventPosition;

class CampaignProgressTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Campaign campaign = TestCampaigns.peniche(
            Money.of(100_00, "EUR"), List.of(new StretchGoal(Money.of(150_00, "EUR"), "Atelier vélo")), List.of(), NOW);

    @Test
    void an_event_at_a_position_already_applied_changes_nothing() {
        EventPosition position = new EventPosition(2, 41);

        assertThat(campaign.applyContribution("gift-1", Money.of(30_00, "EUR"), 1, position, NOW))
                .isTrue();
        assertThat(campaign.applyContribution("gift-1", Money.of(30_00, "EUR"), 1, position, NOW))
                .isFalse();
        assertThat(campaign.applyContribution("gift-3", Money.of(30_00, "EUR"), 1, new EventPosition(2, 40), NOW))
                .isFalse();

        assertThat(campaign.progress().raised()).isEqualTo(Money.of(30_00, "EUR"));
        assertThat(campaign.progress().donationCount()).isEqualTo(1);
    }

    @Test
    void positions_are_tracked_per_partition() {
        campaign.applyContribution("gift-4", Money.of(10_00, "EUR"), 1, new EventPosition(0, 500), NOW);
        campaign.applyContribution("gift-5", Money.of(10_00, "EUR"), 1, new EventPosition(1, 3), NOW);

        assertThat(campaign.progress().raised()).isEqualTo(Money.of(20_00, "EUR"));
    }

    @Test
    void each_milestone_is_announced_once_even_if_a_refund_drops_below_it_and_it_is_crossed_again() {
        campaign.applyContribution("gift-6", Money.of(60_00, "EUR"), 1, new EventPosition(0, 1), NOW);
        campaign.applyContribution("gift-6", Money.of(-60_00, "EUR"), -1, new EventPosition(0, 2), NOW);
        campaign.applyContribution("gift-8", Money.of(160_00, "EUR"), 1, new EventPosition(0, 3), NOW);

        List<String> announced = campaign.outbox().stream()
                .map(pending -> pending.event())
                .filter(MilestoneReached.class::isInstance)
                .map(event -> ((MilestoneReached) event).milestone())
                .toList();
        assertThat(announced).containsExactly("25%", "50%", "75%", "100%", "Atelier vélo");
    }

    @Test
    void percent_is_rounded_down_so_the_goal_shows_as_met_only_when_it_is() {
        campaign.applyContribution("gift-9", Money.of(99_99, "EUR"), 1, new EventPosition(0, 1), NOW);

        assertThat(campaign.progress().percentOf(campaign.goal())).isEqualTo(99);
        assertThat(campaign.progress().reached("100%")).isEmpty();
    }

    @Test
    void a_quarter_milestone_of_an_odd_goal_needs_the_full_quarter() {
        List<Milestone> milestones = Milestone.of(Money.of(1001, "EUR"), List.of());

        assertThat(milestones.get(0).threshold()).isEqualTo(Money.of(251, "EUR"));
    }
}
