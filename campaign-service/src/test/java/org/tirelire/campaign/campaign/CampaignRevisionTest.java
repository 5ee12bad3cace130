package org.tirelire.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.campaign.campaign.CampaignRevision.RewardChange;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.EventPosition;

/** What an organiser may change in a campaign's rewards and stretch goals, before and after it goes live. */
class CampaignRevisionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Campaign campaign = TestCampaigns.peniche(
            eur(100_00),
            List.of(new StretchGoal(eur(150_00), "Atelier vélo")),
            List.of(
                    new Reward("visit", "Visite du chantier", null, eur(20_00), 10),
                    new Reward("card", "Carte postale", null, eur(5_00), null)),
            NOW);

    @Test
    void a_draft_changes_its_rewards_freely_and_tells_nobody() {
        campaign.revise(rewards(new RewardChange(null, "Affiche", null, eur(30_00), 3)), NOW);

        assertThat(campaign.rewards()).singleElement().satisfies(reward -> {
            assertThat(reward.title()).isEqualTo("Affiche");
            assertThat(reward.id()).isNotIn("visit", "card");
        });
        assertThat(campaign.outbox()).isEmpty();
    }

    @Test
    void a_live_campaign_edits_and_adds_rewards_keeping_their_ids_and_announces_the_whole_picture() {
        campaign.publish(NOW);

        campaign.revise(
                rewards(
                        new RewardChange("visit", "Visite guidée du chantier", "Avec le capitaine", eur(25_00), 12),
                        new RewardChange("card", "Carte postale", null, eur(5_00), null),
                        new RewardChange(null, "Tote bag", null, eur(15_00), 50)),
                NOW);

        assertThat(campaign.rewards())
                .extracting(Reward::title)
                .containsExactly("Visite guidée du chantier", "Carte postale", "Tote bag");
        assertThat(campaign.rewards().get(0).id()).isEqualTo("visit");
        assertThat(lastUpdate().rewards())
                .extracting(reward -> reward.title() + "/" + reward.limit())
                .containsExactly("Visite guidée du chantier/12", "Carte postale/null", "Tote bag/50");
    }

    @Test
    void a_live_campaign_keeps_every_reward_donors_may_have_chosen() {
        campaign.publish(NOW);

        assertRefused(
                () -> campaign.revise(rewards(new RewardChange("visit", "Visite", null, eur(20_00), 10)), NOW),
                "rewards");
        assertRefused(
                () -> campaign.revise(
                        rewards(
                                new RewardChange("visit", "Visite", null, eur(20_00), 10),
                                new RewardChange("card", "Carte postale", null, eur(5_00), 100)),
                        NOW),
                "rewards[1].limit");
        assertRefused(
                () -> campaign.revise(rewards(new RewardChange("someone-elses", "Visite", null, eur(20_00), 10)), NOW),
                "rewards[0].id");
        assertThat(campaign.rewards()).extracting(Reward::id).containsExactly("visit", "card");
    }

    @Test
    void a_reward_or_stretch_goal_in_another_currency_is_refused_by_field() {
        assertThatThrownBy(
                        () -> campaign.revise(rewards(new RewardChange(null, "Affiche", null, chf(30_00), null)), NOW))
                .isInstanceOfSatisfying(
                        CurrencyMismatch.class, e -> assertThat(e.field()).isEqualTo("rewards[0].minAmount"));
        assertThatThrownBy(() -> campaign.revise(stretchGoals(new StretchGoal(chf(300_00), "Voile")), NOW))
                .isInstanceOfSatisfying(
                        CurrencyMismatch.class, e -> assertThat(e.field()).isEqualTo("stretchGoals[0].amount"));
    }

    @Test
    void stretch_goals_need_distinct_labels_that_are_not_percentages() {
        assertRefused(
                () -> campaign.revise(
                        stretchGoals(new StretchGoal(eur(200_00), "Voile"), new StretchGoal(eur(300_00), "Voile")),
                        NOW),
                "stretchGoals[1].label");
        assertRefused(
                () -> campaign.revise(stretchGoals(new StretchGoal(eur(200_00), "50%")), NOW), "stretchGoals[0].label");
    }

    @Test
    void a_reached_stretch_goal_stays_as_announced_and_a_new_one_already_passed_is_announced_at_once() {
        campaign.publish(NOW);
        campaign.applyContribution("gift-1", eur(180_00), 1, new EventPosition(0, 1), NOW);

        assertRefused(() -> campaign.revise(stretchGoals(new StretchGoal(eur(400_00), "Voile")), NOW), "stretchGoals");
        campaign.revise(
                stretchGoals(new StretchGoal(eur(150_00), "Atelier vélo"), new StretchGoal(eur(175_00), "Voile")), NOW);

        assertThat(announcedMilestones()).containsExactly("25%", "50%", "75%", "100%", "Atelier vélo", "Voile");
    }

    @Test
    void a_refused_revision_changes_nothing_at_all() {
        campaign.publish(NOW);
        CampaignRevision titleAndBadReward = new CampaignRevision(
                "Nouveau titre",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new RewardChange("visit", "Visite", null, eur(20_00), 10)));

        assertRefused(() -> campaign.revise(titleAndBadReward, NOW), "rewards");

        assertThat(campaign.title()).isEqualTo("Péniche");
        assertThat(campaign.outbox()).noneMatch(pending -> pending.event() instanceof CampaignUpdated);
    }

    private CampaignUpdated lastUpdate() {
        return campaign.outbox().stream()
                .map(pending -> pending.event())
                .filter(CampaignUpdated.class::isInstance)
                .map(CampaignUpdated.class::cast)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private List<String> announcedMilestones() {
        return campaign.outbox().stream()
                .map(pending -> pending.event())
                .filter(MilestoneReached.class::isInstance)
                .map(event -> ((MilestoneReached) event).milestone())
                .toList();
    }

    private static void assertRefused(Runnable revision, String field) {
        assertThatThrownBy(revision::run)
                .isInstanceOfSatisfying(
                        CampaignRevisionRefused.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }

    private static CampaignRevision rewards(RewardChange... rewards) {
        return new CampaignRevision(null, null, null, null, null, null, null, List.of(rewards));
    }

    private static CampaignRevision stretchGoals(StretchGoal... goals) {
        return new CampaignRevision(null, null, null, null, null, null, List.of(goals), null);
    }

    private static Money eur(long amount) {
        return Money.of(amount, "EUR");
    }

    private static Money chf(long amount) {
        return Money.of(amount, "CHF");
    }
}
