package org.tirelire.notification.fundraiser;

/** Collection pages open only under a campaign that is LIVE. */
public class CampaignNotOpen extends RuntimeException {

    private final boolean known;

    public CampaignNotOpen(String campaignId, boolean known) {
        super(
                known
                        ? "Campaign " + campaignId + " is not collecting any more: no new collection page can be opened"
                        : "No published campaign has the id '" + campaignId + "'");
        this.known = known;
    }

    public boolean known() {
        return known;
    }
}
