package org.tirelire.campaign.campaign;

/** A lifecycle change the campaign's current status does not allow, such as publishing an ended campaign. */
public class IllegalCampaignTransition extends RuntimeException {

    public IllegalCampaignTransition(String campaignId, CampaignStatus from, CampaignStatus to) {
        super("Campaign " + campaignId + " is " + from + " and cannot become " + to);
    }
}
