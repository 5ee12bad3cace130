package org.tirelire.campaign.campaign;

import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.tirelire.kit.messaging.AggregateUpdates;

/** Where campaigns are created and changed, so that their events always leave with them. */
@Component
public class CampaignStore {

    private final CampaignRepository campaigns;
    private final AggregateUpdates updates;

    public CampaignStore(CampaignRepository campaigns, AggregateUpdates updates) {
        this.campaigns = campaigns;
        this.updates = updates;
    }

    public Campaign create(Campaign campaign) {
        return updates.insert(campaigns, campaign);
    }

    public <R> R update(String campaignId, Function<Campaign, R> change) {
        return updates.update(campaigns, campaignId, () -> new CampaignNotFound(campaignId), change);
    }
}
