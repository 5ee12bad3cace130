package org.tirelire.campaign.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tirelire.contracts.money.Money;

/**
 * What an organiser may still change of a campaign: once LIVE, what donors were promised holds. The
 * currency is fixed, the goal cannot drop below what is already raised, no reward is removed (donors may
 * have chosen it), an unlimited reward stays unlimited (its gifts were never counted against a stock),
 * and a stretch goal already reached stays as it was announced. A draft may change anything. Amounts of
 * rewards and stretch goals are in the goal's currency, and no two stretch goals share a label.
 *
 * <p>These rules change with what the product promises donors, not with how totals are counted: they live
 * here, and {@link Campaign#revise} applies what they allow (ADR 18).
 */
final class RevisionRules {

    /** What a revision leaves the campaign offering, once every rule passed. */
    record Revised(Money goal, List<StretchGoal> stretchGoals, List<Reward> rewards) {}

    private final boolean live;
    private final Money goal;
    private final Progress progress;
    private final List<StretchGoal> stretchGoals;
    private final List<Reward> rewards;

    /** The campaign as it stands. */
    RevisionRules(boolean live, Money goal, Progress progress, List<StretchGoal> stretchGoals, List<Reward> rewards) {
        this.live = live;
        this.goal = goal;
        this.progress = progress;
        this.stretchGoals = stretchGoals;
        this.rewards = rewards;
    }

    /**
     * What the campaign offers after the revision; {@link CampaignRevisionRefused} or {@link
     * CurrencyMismatch}, naming the field, at the first rule it breaks.
     */
    Revised check(CampaignRevision revision, Instant now) {
        Money revisedGoal = revision.goal() == null ? goal : revision.goal();
        if (revision.goal() != null) {
            if (live && !revisedGoal.currency().equals(goal.currency())) {
                throw new CampaignRevisionRefused("goal.currency", "The currency of a live campaign cannot change");
            }
            if (live && !revisedGoal.isAtLeast(progress.raised())) {
                throw new CampaignRevisionRefused(
                        "goal.amount",
                        "The goal cannot be lower than what is already raised ("
                                + progress.raised().amount() + ")");
            }
        }
        if (revision.endsAt() != null && !revision.endsAt().isAfter(now)) {
            throw new CampaignRevisionRefused("endsAt", "The deadline must be in the future");
        }
        List<StretchGoal> revisedStretchGoals = revision.stretchGoals() == null
                ? requireInCurrency(stretchGoals, revisedGoal)
                : revisedStretchGoals(revision.stretchGoals(), revisedGoal);
        List<Reward> revisedRewards = revision.rewards() == null
                ? requireRewardsInCurrency(rewards, revisedGoal)
                : revisedRewards(revision.rewards(), revisedGoal);
        return new Revised(revisedGoal, revisedStretchGoals, revisedRewards);
    }

    private List<StretchGoal> revisedStretchGoals(List<StretchGoal> wanted, Money revisedGoal) {
        requireInCurrency(wanted, revisedGoal);
        requireDistinctLabels(wanted);
        for (StretchGoal reached : stretchGoals) {
            if (progress.reached(reached.label()).isPresent() && !wanted.contains(reached)) {
                throw new CampaignRevisionRefused(
                        "stretchGoals",
                        "The stretch goal \"" + reached.label()
                                + "\" is already reached and announced: it cannot be removed or changed");
            }
        }
        return List.copyOf(wanted);
    }

    private List<Reward> revisedRewards(List<CampaignRevision.RewardChange> wanted, Money revisedGoal) {
        Map<String, Reward> current = new HashMap<>();
        rewards.forEach(reward -> current.put(reward.id(), reward));
        List<Reward> revised = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            CampaignRevision.RewardChange change = wanted.get(i);
            Reward existing = change.id() == null ? null : current.remove(change.id());
            if (change.id() != null && existing == null) {
                throw new CampaignRevisionRefused("rewards[" + i + "].id", "This campaign has no reward with this id");
            }
            if (live && existing != null && existing.limit() == null && change.limit() != null) {
                throw new CampaignRevisionRefused(
                        "rewards[" + i + "].limit",
                        "An unlimited reward of a live campaign cannot get a limit; offer a new limited reward instead");
            }
            revised.add(new Reward(
                    existing == null ? UUID.randomUUID().toString() : existing.id(),
                    change.title(),
                    change.description(),
                    change.minAmount(),
                    change.limit()));
        }
        if (live && !current.isEmpty()) {
            throw new CampaignRevisionRefused(
                    "rewards", "A reward of a live campaign cannot be removed: donors may already have chosen it");
        }
        return requireRewardsInCurrency(revised, revisedGoal);
    }

    /** Milestones are announced once per label, so two stretch goals cannot share one, nor take "50%". */
    static void requireDistinctLabels(List<StretchGoal> goals) {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < goals.size(); i++) {
            String label = goals.get(i).label();
            if (!labels.add(label) || Milestone.isGoalPercentLabel(label)) {
                throw new CampaignRevisionRefused(
                        "stretchGoals[" + i + "].label",
                        "Each stretch goal needs its own label, other than a percentage");
            }
        }
    }

    private static List<StretchGoal> requireInCurrency(List<StretchGoal> goals, Money revisedGoal) {
        for (int i = 0; i < goals.size(); i++) {
            if (!goals.get(i).amount().currency().equals(revisedGoal.currency())) {
                throw new CurrencyMismatch(
                        "stretchGoals[" + i + "].amount",
                        revisedGoal.currency(),
                        goals.get(i).amount().currency());
            }
        }
        return goals;
    }

    private static List<Reward> requireRewardsInCurrency(List<Reward> offered, Money revisedGoal) {
        for (int i = 0; i < offered.size(); i++) {
            if (!offered.get(i).minAmount().currency().equals(revisedGoal.currency())) {
                throw new CurrencyMismatch(
                        "rewards[" + i + "].minAmount",
                        revisedGoal.currency(),
                        offered.get(i).minAmount().currency());
            }
        }
        return List.copyOf(offered);
    }
}
