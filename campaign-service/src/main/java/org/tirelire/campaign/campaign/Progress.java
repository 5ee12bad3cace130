package org.tirelire.campaign.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.EventPosition;

/**
 * A campaign's total, kept inside the campaign document. {@code appliedPositions} remembers the
 * latest donation event applied from each partition, which makes a redelivered event a no-op.
 *
 * @param raised the gifts counted, and what sponsors matched of them
 * @param matched the part of {@code raised} that sponsors matched (zero in documents from before matching)
 */
public record Progress(
        Money raised,
        long donationCount,
        @Nullable Instant lastGiftAt,
        @Nullable Instant updatedAt,
        List<ReachedMilestone> reachedMilestones,
        Map<String, Long> appliedPositions,
        Money matched) {

    public Progress {
        if (matched == null) {
            matched = Money.zero(raised.currency());
        }
    }

    public static Progress none(String currency) {
        return new Progress(Money.zero(currency), 0, null, null, List.of(), Map.of(), Money.zero(currency));
    }

    public boolean hasApplied(EventPosition position) {
        return appliedPositions.getOrDefault(position.partitionKey(), -1L) >= position.offset();
    }

    /**
     * What a gift or a refund changes besides its own amount, through the sponsors' matches.
     *
     * @param besidesTheGift added to the total with the gift's amount: what a sponsor matched of it, or, for a
     *     sponsor's payment, what it replaces (negative)
     * @param sponsorsShare the change to the part of the total that sponsors gave
     */
    public record SponsorsEffect(long besidesTheGift, long sponsorsShare) {

        /** A sponsor matched (or, negative, took back) this much of a gift. */
        public static SponsorsEffect matched(long amount) {
            return new SponsorsEffect(amount, amount);
        }
    }

    /** The total with a gift (positive {@code delta}) or a refund counted, and what it changed in the matches. */
    public Progress plus(Money delta, SponsorsEffect sponsors, int countDelta, EventPosition position, Instant at) {
        Map<String, Long> positions = new HashMap<>(appliedPositions);
        positions.put(position.partitionKey(), position.offset());
        return new Progress(
                raised.plus(delta).plus(new Money(sponsors.besidesTheGift(), raised.currency())),
                donationCount + countDelta,
                delta.isPositive() ? at : lastGiftAt,
                at,
                reachedMilestones,
                positions,
                matched.plus(new Money(sponsors.sponsorsShare(), raised.currency())));
    }

    /** What counting a batch of gifts and refunds did: the new total, how many counted, the latest's time. */
    public record Counted(
            Progress progress, int applied, @Nullable Instant latest) {}

    /**
     * Counts the gifts and refunds heard together, in their order, each once: one at a position already
     * applied changes nothing (ADR 3). {@code sponsors} is asked, once per gift or refund counted, what it
     * changes through the sponsors' matches.
     */
    public Counted count(
            List<Campaign.Contribution> contributions, Function<Campaign.Contribution, SponsorsEffect> sponsors) {
        Progress counted = this;
        int applied = 0;
        Instant latest = null;
        for (Campaign.Contribution contribution : contributions) {
            if (counted.hasApplied(contribution.position())) {
                continue;
            }
            counted = counted.plus(
                    contribution.delta(),
                    sponsors.apply(contribution),
                    contribution.countDelta(),
                    contribution.position(),
                    contribution.at());
            latest = contribution.at();
            applied++;
        }
        return new Counted(counted, applied, latest);
    }

    /** The milestones the total now reaches that have not been announced yet, in order. */
    public List<Milestone> newlyCrossed(List<Milestone> milestones) {
        return milestones.stream()
                .filter(milestone -> raised.isAtLeast(milestone.threshold()))
                .filter(milestone -> reached(milestone.label()).isEmpty())
                .toList();
    }

    public Progress corrected(Money newRaised, long newDonationCount, Instant at) {
        return new Progress(newRaised, newDonationCount, lastGiftAt, at, reachedMilestones, appliedPositions, matched);
    }

    public Progress withReached(ReachedMilestone milestone) {
        List<ReachedMilestone> reached = new ArrayList<>(reachedMilestones);
        reached.add(milestone);
        return new Progress(raised, donationCount, lastGiftAt, updatedAt, reached, appliedPositions, matched);
    }

    public Optional<ReachedMilestone> reached(String label) {
        return reachedMilestones.stream().filter(m -> m.label().equals(label)).findFirst();
    }

    /** Whole percent of the goal, rounded down: 99.9 % shows as 99 until the goal is really met. */
    public int percentOf(Money goal) {
        if (goal.amount() <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.multiplyExact(raised.amount(), 100L) / goal.amount());
    }
}
