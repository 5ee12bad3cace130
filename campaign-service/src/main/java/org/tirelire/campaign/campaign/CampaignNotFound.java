package org.tirelire.campaign.campaign;

public class CampaignNotFound extends RuntimeException {

    public CampaignNotFound(String idOrSlug) {
        super("No campaign has the id or slug '" + idOrSlug + "'");
    }
}
