package org.tirelire.notification.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;

/** The emails a confirmed gift causes. A receipt goes out whatever the donor's news consent. */
@Component
public class DonationEmails {

    private static final Logger log = LoggerFactory.getLogger(DonationEmails.class);

    private final EmailOutbox outbox;
    private final CampaignSummaries campaigns;
    private final EmailProperties properties;

    DonationEmails(EmailOutbox outbox, CampaignSummaries campaigns, EmailProperties properties) {
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.properties = properties;
    }

    public void thankDonor(DonationConfirmed gift) {
        if (gift.donor() == null || gift.donor().email().isBlank()) {
            return; // an offline gift without an address: nobody to thank by email
        }
        CampaignSummary campaign = campaigns
                .findById(gift.campaignId())
                .orElse(new CampaignSummary(
                        gift.campaignId(), "", "la campagne", gift.campaignId(), "EUR", true, null));
        String campaignUrl = properties.publicBaseUrl() + "/campaigns/" + campaign.slug();
        boolean queued = outbox.enqueue(
                "thank-you:" + gift.donationId(),
                gift.donor().email(),
                ThankYouEmail.render(gift, campaign.title(), campaignUrl));
        if (queued) {
            log.info("Thank-you email queued for donation {}", gift.donationId());
        }
    }
}
