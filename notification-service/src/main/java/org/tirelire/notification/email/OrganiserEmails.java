package org.tirelire.notification.email;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;

/** What the organiser is told: each milestone as it is reached, and a summary when the campaign ends. */
@Component
public class OrganiserEmails {

    private final CampaignSummaries campaigns;
    private final EmailOutbox outbox;
    private final EmailProperties properties;

    OrganiserEmails(CampaignSummaries campaigns, EmailOutbox outbox, EmailProperties properties) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.properties = properties;
    }

    public void milestoneReached(MilestoneReached milestone) {
        campaigns
                .findById(milestone.campaignId())
                .filter(c -> c.organiserEmail() != null)
                .ifPresent(campaign -> {
                    String amount = ThankYouEmail.format(milestone.raised(), Locale.FRANCE);
                    String text =
                            "Bravo ! « " + campaign.title() + " » vient d'atteindre le palier " + milestone.milestone()
                                    + " : " + amount + " collectés.\n\nSuivre la campagne : " + link(campaign) + "\n";
                    outbox.enqueue(
                            "milestone:" + milestone.campaignId() + ":" + milestone.milestone(),
                            campaign.organiserEmail(),
                            new RenderedEmail(
                                    "Palier " + milestone.milestone() + " atteint : " + campaign.title(),
                                    text,
                                    html(text)));
                });
    }

    public void campaignClosed(CampaignClosed closed) {
        campaigns
                .findById(closed.campaignId())
                .filter(c -> c.organiserEmail() != null)
                .ifPresent(campaign -> {
                    String amount = ThankYouEmail.format(closed.raised(), Locale.FRANCE);
                    String outcome = closed.requiresRefunds()
                            ? "Les dons vont être remboursés à leurs donateurs."
                            : "Les dons sont acquis à l'association.";
                    String text = "La campagne « " + campaign.title() + " » est terminée : " + amount + " collectés en "
                            + closed.donationCount() + " dons. " + outcome + "\n\nRetrouver les dons et l'export CSV : "
                            + link(campaign) + "\n";
                    outbox.enqueue(
                            "closed:" + closed.campaignId(),
                            campaign.organiserEmail(),
                            new RenderedEmail("Bilan de la campagne " + campaign.title(), text, html(text)));
                });
    }

    private String link(CampaignSummary campaign) {
        return properties.publicBaseUrl() + "/campaigns/" + campaign.slug();
    }

    private static String html(String text) {
        return "<!doctype html><html lang=\"fr\"><body style=\"font-family:sans-serif\"><p style=\"white-space:pre-line\">"
                + HtmlUtils.htmlEscape(text) + "</p></body></html>";
    }
}
