package org.tirelire.notification.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.ids.GeneralFund;
import org.tirelire.kit.messaging.RecentlyPublished;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.campaign.KnownCampaigns;

/** The emails a confirmed gift causes. A receipt goes out whatever the donor's news consent. */
@Component
public class DonationEmails {

    private static final Logger log = LoggerFactory.getLogger(DonationEmails.class);
    private static final Duration CAMPAIGN_GRACE = Duration.ofSeconds(3);

    private final EmailOutbox outbox;
    private final KnownCampaigns campaigns;
    private final EmailTemplates templates;
    private final EmailProperties properties;

    DonationEmails(EmailOutbox outbox, KnownCampaigns campaigns, EmailTemplates templates, EmailProperties properties) {
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.templates = templates;
        this.properties = properties;
    }

    public void thankDonor(DonationConfirmed gift) {
        if (gift.donor() == null || gift.donor().email().isBlank()) {
            return; // an offline gift without an address: nobody to thank by email
        }
        boolean english = "en".equals(gift.donor().locale());
        CampaignSummary campaign;
        String campaignUrl;
        if (GeneralFund.is(gift.campaignId())) {
            // A recurring gift whose campaign ended now supports all the association does (ADR 28).
            String title = english ? "the association's work" : "l'ensemble des actions de l'association";
            campaign = new CampaignSummary(gift.campaignId(), "", title, "", "EUR", true, null, null);
            campaignUrl = properties.publicBaseUrl() + "/";
        } else {
            // The campaign's publication comes on another topic: if it is just behind the gift, wait for it.
            campaign = RecentlyPublished.find(() -> campaigns.find(gift.campaignId()), CAMPAIGN_GRACE)
                    .orElse(new CampaignSummary(
                            gift.campaignId(),
                            "",
                            english ? "the campaign" : "la campagne",
                            gift.campaignId(),
                            "EUR",
                            true,
                            null,
                            null));
            campaignUrl = properties.publicBaseUrl() + "/campaigns/" + campaign.slug();
        }
        boolean queued = outbox.enqueue(
                "thank-you:" + gift.donationId(),
                gift.donor().email(),
                templates.render(
                        "thank-you",
                        EmailTemplates.localeOf(gift.donor().locale()),
                        new Object[] {campaign.title()},
                        Map.of(
                                "firstName", gift.donor().firstName(),
                                "amount", gift.amount(),
                                "campaignTitle", campaign.title(),
                                "confirmedAt", gift.confirmedAt(),
                                "donationId", gift.donationId(),
                                "campaignUrl", campaignUrl,
                                "manageUrl", gift.manageUrl() == null ? "" : gift.manageUrl(),
                                "organisationName", Objects.toString(campaign.organisationName(), ""))),
                Map.of(),
                List.of(),
                OutgoingEmail.Sender.forDonorsOf(campaign));
        if (queued) {
            log.info("Thank-you email queued for donation {}", gift.donationId());
        }
    }
}
