package org.tirelire.donation.donation;

import org.tirelire.contracts.ids.CampaignId;

/**
 * A gift to a campaign this service has not heard of yet, while its events may still be on their way (a
 * campaign published a moment ago, on a platform just started or very busy). Nothing is recorded; the gift is
 * answered as a shed one (a 503 with {@code Retry-After}), to be sent again with the same Idempotency-Key,
 * rather than refused for a campaign that, a second later, takes gifts.
 */
public class CampaignNotHeardOfYet extends RuntimeException {

    public CampaignNotHeardOfYet(CampaignId campaignId) {
        super("Campaign " + campaignId + " opened a moment ago and is not ready for gifts yet: your gift was not"
                + " taken and nothing was charged; send it again in a second with the same Idempotency-Key.");
    }
}
