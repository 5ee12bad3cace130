package org.tirelire.notification.email;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.notification.campaign.CampaignSummaries;

/** What the organiser is told: each milestone as it is reached, and a summary when the campaign ends. */
@Component
public class OrganiserEmails {

    private final CampaignSummaries campaigns;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final EmailProperties properties;

    OrganiserEmails(
            CampaignSummaries campaigns, EmailOutbox outbox, EmailTemplates templates, EmailProperties properties) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
    }

    public void milestoneReached(MilestoneReached milestone) {
        campaigns
                .findById(milestone.campaignId())
                .filter(c -> c.organiserEmail() != null)
                .ifPresent(campaign -> outbox.enqueue(
                        "milestone:" + milestone.campaignId() + ":" + milestone.milestone(),
                        campaign.organiserEmail(),
                        templates.render(
                                "organiser-milestone",
                                EmailTemplates.FRENCH,
                                new Object[] {milestone.milestone(), campaign.title()},
                                Map.of(
                                        "campaignTitle", campaign.title(),
                                        "milestone", milestone.milestone(),
                                        "raised", milestone.raised(),
                                        "campaignUrl", properties.publicBaseUrl() + "/campaigns/" + campaign.slug()))));
    }

    public void campaignClosed(CampaignClosed closed) {
        campaigns
                .findById(closed.campaignId())
                .filter(c -> c.organiserEmail() != null)
                .ifPresent(campaign -> outbox.enqueue(
                        "closed:" + closed.campaignId(),
                        campaign.organiserEmail(),
                        templates.render(
                                "organiser-closed",
                                EmailTemplates.FRENCH,
                                new Object[] {campaign.title()},
                                Map.of(
                                        "campaignTitle", campaign.title(),
                                        "raised", closed.raised(),
                                        "donationCount", closed.donationCount(),
                                        "refunded", closed.requiresRefunds(),
                                        "dashboardUrl",
                                                properties.publicBaseUrl() + "/organiser/campaigns/"
                                                        + closed.campaignId()))));
    }
}
