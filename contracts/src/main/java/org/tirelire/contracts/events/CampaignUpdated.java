package org.tirelire.contracts.events;

import java.time.Instant;
import java.util.List;
import org.tirelire.contracts.money.Money;

/**
 * The organiser changed a LIVE campaign. Carries the whole public picture after the change, not a
 * diff, so a consumer that missed an earlier update is right again after this one.
 *
 * @param rewards every reward now offered; a reward is never removed from a live campaign
 */
public record CampaignUpdated(
        String campaignId,
        String organisationId,
        String title,
        Money goal,
        Instant endsAt,
        List<CampaignPublished.RewardOffered> rewards,
        Instant updatedAt)
        implements CampaignEvent {

    @Override
    public void dispatchTo(CampaignEvent.Handler handler) {
        handler.on(this);
    }
}
