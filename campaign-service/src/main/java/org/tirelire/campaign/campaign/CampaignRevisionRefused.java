package org.tirelire.campaign.campaign;

/** A change the campaign's rules do not allow, naming the field at fault. */
public class CampaignRevisionRefused extends RuntimeException {

    private final String field;

    public CampaignRevisionRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
