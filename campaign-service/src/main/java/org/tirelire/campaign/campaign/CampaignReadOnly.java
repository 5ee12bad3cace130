package org.tirelire.campaign.campaign;

public class CampaignReadOnly extends RuntimeException {

    public CampaignReadOnly(String campaignId, CampaignStatus status) {
        super("Campaign " + campaignId + " is " + status + " and can no longer be changed");
    }
}
