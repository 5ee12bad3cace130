package org.tirelire.campaign.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * {@code GET /api/campaigns/{id}/progress}: how far a campaign is from its goal.
 *
 * @param raised the gifts counted and what sponsors matched of them
 * @param matched the part of {@code raised} that sponsors matched
 * @param activeMatch the sponsor's match whose window is open now and whose cap is not reached, if any
 * @param matches every sponsor's match, in the order they were added
 * @param poll the poll open now, or else the last one closed, with its tallies; null when none was asked
 */
public record ProgressView(
        String campaignId,
        Money goal,
        Money raised,
        Money matched,
        long donationCount,
        int percent,
        long daysLeft,
        @Nullable Instant lastGiftAt,
        List<MilestoneView> milestones,
        @Nullable MatchView activeMatch,
        List<MatchView> matches,
        @Nullable PollView poll,
        Instant updatedAt) {

    /**
     * A poll and what each option got, as donors and the stream see it.
     *
     * @param total the amount given through all its options
     */
    public record PollView(String id, String question, boolean open, Money total, List<OptionView> options) {

        /** @param percent the option's whole percent of what the poll got, rounded down */
        public record OptionView(String id, String label, Money votes, long gifts, int percent) {}

        static PollView of(Poll poll) {
            Money total = poll.total();
            return new PollView(
                    poll.id(),
                    poll.question(),
                    poll.isOpen(),
                    total,
                    poll.options().stream()
                            .map(option -> new OptionView(
                                    option.id(),
                                    option.label(),
                                    option.votes(),
                                    option.gifts(),
                                    total.isPositive()
                                            ? (int) (Math.multiplyExact(
                                                            option.votes().amount(), 100L)
                                                    / total.amount())
                                            : 0))
                            .toList());
        }
    }

    /**
     * A sponsor's match as the public sees it: who, how much per euro, how much is left and until when; and,
     * once the sponsor paid what they owed, how much and when (ADR 33).
     */
    public record MatchView(
            String id,
            String sponsor,
            int ratio,
            Money cap,
            Money matched,
            Money left,
            @Nullable Money minimumGift,
            Instant startsAt,
            Instant endsAt,
            boolean active,
            @Nullable Money paid,
            @Nullable Instant paidAt) {

        static MatchView of(Match match, Instant now) {
            return new MatchView(
                    match.id(),
                    match.sponsor(),
                    match.ratio(),
                    match.cap(),
                    match.matched(),
                    match.left(),
                    match.minimumGift(),
                    match.startsAt(),
                    match.endsAt(),
                    !match.isSettled() && match.isActiveAt(now) && match.left().isPositive(),
                    match.isSettled() ? match.settlement().paid() : null,
                    match.isSettled() ? match.settlement().at() : null);
        }
    }

    public record MilestoneView(
            String label,
            Money threshold,
            boolean reached,
            @Nullable Instant reachedAt) {}

    public static ProgressView of(Campaign campaign, Instant now) {
        Progress progress = campaign.progress();
        List<MilestoneView> milestones = campaign.milestones().stream()
                .map(m -> {
                    Instant reachedAt = progress.reached(m.label())
                            .map(ReachedMilestone::reachedAt)
                            .orElse(null);
                    return new MilestoneView(m.label(), m.threshold(), reachedAt != null, reachedAt);
                })
                .toList();
        long daysLeft = Math.max(0, Duration.between(now, campaign.endsAt()).toDays());
        Instant updatedAt = progress.updatedAt() != null ? progress.updatedAt() : campaign.createdAt();
        return new ProgressView(
                campaign.id(),
                campaign.goal(),
                progress.raised(),
                progress.matched(),
                progress.donationCount(),
                progress.percentOf(campaign.goal()),
                daysLeft,
                progress.lastGiftAt(),
                milestones,
                campaign.activeMatchAt(now)
                        .map(match -> MatchView.of(match, now))
                        .orElse(null),
                campaign.matches().stream()
                        .map(match -> MatchView.of(match, now))
                        .toList(),
                campaign.latestPoll().map(PollView::of).orElse(null),
                updatedAt);
    }
}
