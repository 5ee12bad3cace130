package org.tirelire.campaign.campaign;

/** An organiser tried to act on a campaign of another organisation. */
public class CampaignNotOwned extends RuntimeException {

    public CampaignNotOwned(String campaignId) {
        super("Campaign " + campaignId + " belongs to another organisation");
    }
}
