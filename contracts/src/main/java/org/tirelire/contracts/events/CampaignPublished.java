package org.tirelire.contracts.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A campaign went LIVE: from now on it accepts gifts in its goal's currency until it closes.
 *
 * @param organiserEmail where news about the campaign (milestones, its end) reach its organiser, and where
 *     donors' replies to the association's emails go
 * @param organisationName the association's name, as its donors' emails are signed and sent (absent from
 *     events published before it was added)
 */
public record CampaignPublished(
        String campaignId,
        String organisationId,
        String slug,
        String title,
        Money goal,
        String fundingModel,
        Instant endsAt,
        List<RewardOffered> rewards,
        Instant publishedAt,
        @Nullable String organiserEmail,
        @Nullable String organisationName)
        implements CampaignEvent {

    /** A reward ("contrepartie") a donor may choose from a minimum amount, limited to {@code limit} when set. */
    public record RewardOffered(
            String rewardId,
            String title,
            Money minAmount,
            @Nullable Integer limit) {}

    @Override
    public void dispatchTo(CampaignEvent.Handler handler) {
        handler.on(this);
    }
}
