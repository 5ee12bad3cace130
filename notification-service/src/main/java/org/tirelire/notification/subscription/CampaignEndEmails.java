package org.tirelire.notification.subscription;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.EmailOutbox;
import org.tirelire.notification.email.EmailProperties;
import org.tirelire.notification.email.EmailTemplates;
import org.tirelire.notification.fundraiser.FundraiserPage;
import org.tirelire.notification.fundraiser.FundraiserPages;
import org.tirelire.notification.fundraiser.PageStatus;

/**
 * When a campaign ends, its supporters (who opened a collection page) and the donors who asked for its
 * news are told how it went, each once even when they are both; donors get their one-click unsubscribe
 * link, as with any news. The organiser gets their own summary ({@code OrganiserEmails}).
 */
@Component
public class CampaignEndEmails {

    private static final int PAGES_PER_CAMPAIGN = 10_000;

    private final FundraiserPages pages;
    private final NewsSubscribers subscribers;
    private final UnsubscribeLinks links;
    private final CampaignSummaries campaigns;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final EmailProperties properties;

    CampaignEndEmails(
            FundraiserPages pages,
            NewsSubscribers subscribers,
            UnsubscribeLinks links,
            CampaignSummaries campaigns,
            EmailOutbox outbox,
            EmailTemplates templates,
            EmailProperties properties) {
        this.pages = pages;
        this.subscribers = subscribers;
        this.links = links;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
    }

    public void campaignClosed(CampaignClosed closed) {
        CampaignSummary campaign = campaigns.findById(closed.campaignId()).orElse(null);
        if (campaign == null) {
            return; // never published: nobody gave, nobody to tell
        }
        Set<String> told = new HashSet<>();
        for (FundraiserPage page : pages.findByCampaignIdAndStatusNot(
                closed.campaignId(), PageStatus.HIDDEN, PageRequest.of(0, PAGES_PER_CAMPAIGN))) {
            tell(closed, campaign, page.supporterEmail(), page.supporterName(), page.supporterLocale(), null, told);
        }
        for (NewsSubscriber subscriber : subscribers.findByCampaignIdAndSubscribedTrue(closed.campaignId())) {
            tell(
                    closed,
                    campaign,
                    subscriber.email(),
                    subscriber.firstName(),
                    subscriber.locale(),
                    links.linkFor(subscriber.id()),
                    told);
        }
    }

    private void tell(
            CampaignClosed closed,
            CampaignSummary campaign,
            String email,
            String name,
            String language,
            String unsubscribeUrl,
            Set<String> told) {
        if (email.isBlank() || !told.add(email.toLowerCase(Locale.ROOT))) {
            return;
        }
        Map<String, Object> variables = new HashMap<>(Map.of(
                "name", name,
                "campaignTitle", campaign.title(),
                "raised", closed.raised(),
                "donationCount", closed.donationCount(),
                "refunded", closed.requiresRefunds(),
                "campaignUrl", properties.publicBaseUrl() + "/campaigns/" + campaign.slug()));
        Map<String, String> headers = Map.of();
        if (unsubscribeUrl != null) {
            variables.put("unsubscribeUrl", unsubscribeUrl);
            headers = Map.of(
                    "List-Unsubscribe",
                    "<" + unsubscribeUrl + ">",
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click");
        }
        outbox.enqueue(
                "ended:" + closed.campaignId() + ":" + DonorErased.emailSha256(email),
                email,
                templates.render(
                        "campaign-ended",
                        EmailTemplates.localeOf(language),
                        new Object[] {campaign.title()},
                        variables),
                headers);
    }
}
