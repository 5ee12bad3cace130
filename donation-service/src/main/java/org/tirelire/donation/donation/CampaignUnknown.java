package org.tirelire.donation.donation;

public class CampaignUnknown extends RuntimeException {

    public CampaignUnknown(String campaignId) {
        super("No published campaign has the id '" + campaignId + "'");
    }
}
