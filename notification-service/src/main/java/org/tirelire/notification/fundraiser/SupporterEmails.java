package org.tirelire.notification.fundraiser;

import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.EmailOutbox;
import org.tirelire.notification.email.EmailProperties;
import org.tirelire.notification.email.EmailTemplates;

/**
 * What a supporter is told, in the language they opened their page in: that it is open (with the
 * private link to edit it, so a lost link can be found again), each gift made through it, and each
 * milestone of the campaign. Each email's id comes from its cause, so a redelivered event sends nothing new.
 */
@Component
public class SupporterEmails {

    private static final int PAGES_PER_CAMPAIGN = 10_000;

    private final FundraiserPages pages;
    private final CampaignSummaries campaigns;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final EmailProperties properties;

    SupporterEmails(
            FundraiserPages pages,
            CampaignSummaries campaigns,
            EmailOutbox outbox,
            EmailTemplates templates,
            EmailProperties properties) {
        this.pages = pages;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
    }

    void pageOpened(FundraiserPage page, CampaignSummary campaign, String editLink) {
        outbox.enqueue(
                "page-opened:" + page.slug(),
                page.supporterEmail(),
                templates.render(
                        "page-opened",
                        EmailTemplates.localeOf(page.supporterLocale()),
                        new Object[] {page.title()},
                        Map.of(
                                "supporterName", page.supporterName(),
                                "pageTitle", page.title(),
                                "campaignTitle", campaign.title(),
                                "pageUrl", pageUrl(page),
                                "editUrl", editLink)));
    }

    /** After the gift counted toward the page: the email says the page's new total. */
    public void giftThroughPage(DonationConfirmed gift) {
        if (gift.fundraiserSlug() == null) {
            return;
        }
        pages.findById(gift.fundraiserSlug()).filter(FundraiserPage::isVisible).ifPresent(page -> {
            String donor = gift.anonymous() || gift.donor() == null
                    ? ("en".equals(page.supporterLocale()) ? "Someone" : "Quelqu’un")
                    : gift.donor().displayName();
            Map<String, Object> variables = new java.util.HashMap<>(Map.of(
                    "supporterName", page.supporterName(),
                    "donorName", donor,
                    "amount", gift.amount(),
                    "pageTitle", page.title(),
                    "pageRaised", page.raised(),
                    "pageDonationCount", page.donationCount(),
                    "pageUrl", pageUrl(page)));
            if (gift.message() != null && !gift.message().isBlank()) {
                variables.put("message", gift.message());
            }
            outbox.enqueue(
                    "page-gift:" + gift.donationId(),
                    page.supporterEmail(),
                    templates.render(
                            "page-gift",
                            EmailTemplates.localeOf(page.supporterLocale()),
                            new Object[] {page.title()},
                            variables));
        });
    }

    public void milestoneReached(MilestoneReached milestone) {
        String campaignTitle = campaigns
                .findById(milestone.campaignId())
                .map(CampaignSummary::title)
                .orElse("");
        pages.findByCampaignIdAndStatusNot(
                        milestone.campaignId(), PageStatus.HIDDEN, PageRequest.of(0, PAGES_PER_CAMPAIGN))
                .forEach(page -> outbox.enqueue(
                        "supporter-milestone:" + milestone.campaignId() + ":" + milestone.milestone() + ":"
                                + page.slug(),
                        page.supporterEmail(),
                        templates.render(
                                "supporter-milestone",
                                EmailTemplates.localeOf(page.supporterLocale()),
                                new Object[] {campaignTitle, milestone.milestone()},
                                Map.of(
                                        "supporterName", page.supporterName(),
                                        "campaignTitle", campaignTitle,
                                        "milestone", milestone.milestone(),
                                        "raised", milestone.raised(),
                                        "pageUrl", pageUrl(page)))));
    }

    private String pageUrl(FundraiserPage page) {
        return properties.publicBaseUrl() + "/fundraisers/" + page.slug();
    }
}
