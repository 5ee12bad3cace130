package org.tirelire.campaign.campaign;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** A campaign as the public API shows it. */
public record CampaignView(
        String id,
        String slug,
        String organisationId,
        String organisationName,
        String title,
        String summary,
        @Nullable String story,
        @Nullable String storyHtml,
        @Nullable String coverImageUrl,
        Money goal,
        Instant endsAt,
        FundingModel fundingModel,
        List<StretchGoal> stretchGoals,
        List<Reward> rewards,
        CampaignStatus status,
        @Nullable String outcome,
        Instant createdAt,
        @Nullable Instant publishedAt,
        @Nullable Instant closedAt,
        ProgressView progress) {

    public static CampaignView of(Campaign campaign, Instant now) {
        return new CampaignView(
                campaign.id(),
                campaign.slug(),
                campaign.organisationId(),
                campaign.organisationName(),
                campaign.title(),
                campaign.summary(),
                campaign.story(),
                StoryRenderer.toSafeHtml(campaign.story()),
                campaign.coverImageUrl(),
                campaign.goal(),
                campaign.endsAt(),
                campaign.fundingModel(),
                campaign.stretchGoals(),
                campaign.rewards(),
                campaign.status(),
                campaign.outcome(),
                campaign.createdAt(),
                campaign.publishedAt(),
                campaign.closedAt(),
                ProgressView.of(campaign, now));
    }
}
