package org.tirelire.donation.donation;

public class CampaignNotOwned extends RuntimeException {

    public CampaignNotOwned(String campaignId) {
        super("Campaign " + campaignId + " belongs to another organisation");
    }
}
