package org.tirelire.contracts.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** A campaign went LIVE: from now on it accepts gifts in its goal's currency until it closes. */
public record CampaignPublished(
        String campaignId,
        String organisationId,
        String slug,
        String title,
        Money goal,
        String fundingModel,
        Instant endsAt,
        List<RewardOffered> rewards,
        Instant publishedAt) {

    /** A reward ("contrepartie") a donor may choose from a minimum amount, limited to {@code limit} when set. */
    public record RewardOffered(
            String rewardId,
            String title,
            Money minAmount,
            @Nullable Integer limit) {}
}
