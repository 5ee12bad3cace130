package org.tirelire.campaign.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** {@code GET /api/campaigns/{id}/progress}: how far a campaign is from its goal. */
public record ProgressView(
        String campaignId,
        Money goal,
        Money raised,
        long donationCount,
        int percent,
        long daysLeft,
        @Nullable Instant lastGiftAt,
        List<MilestoneView> milestones,
        Instant updatedAt) {

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
                progress.donationCount(),
                progress.percentOf(campaign.goal()),
                daysLeft,
                progress.lastGiftAt(),
                milestones,
                updatedAt);
    }
}
