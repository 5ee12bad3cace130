package org.tirelire.campaign.campaign;

import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.tirelire.campaign.messaging.OutboxRelay;

/**
 * Loads a campaign, lets the caller change it, and saves it under optimistic locking, trying again
 * from a fresh copy when another writer got there first. Wakes the outbox relay when events were added.
 */
@Component
public class CampaignStore {

    private static final int MAX_ATTEMPTS = 20;

    private final CampaignRepository campaigns;
    private final OutboxRelay outboxRelay;

    CampaignStore(CampaignRepository campaigns, OutboxRelay outboxRelay) {
        this.campaigns = campaigns;
        this.outboxRelay = outboxRelay;
    }

    public Campaign create(Campaign campaign) {
        return campaigns.insert(campaign);
    }

    public <R> R update(String campaignId, Function<Campaign, R> change) {
        for (int attempt = 1; ; attempt++) {
            Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
            int pendingBefore = campaign.outbox().size();
            R result = change.apply(campaign);
            try {
                campaigns.save(campaign);
            } catch (OptimisticLockingFailureException concurrentWrite) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentWrite;
                }
                continue;
            }
            if (campaign.outbox().size() > pendingBefore) {
                outboxRelay.wakeUp();
            }
            return result;
        }
    }
}
