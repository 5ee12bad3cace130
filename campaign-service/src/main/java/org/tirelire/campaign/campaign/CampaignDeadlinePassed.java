package org.tirelire.campaign.campaign;

import java.time.Instant;

public class CampaignDeadlinePassed extends RuntimeException {

    public CampaignDeadlinePassed(String campaignId, Instant endsAt) {
        super("Campaign " + campaignId + " ended on " + endsAt + ": move its deadline to the future first");
    }
}
