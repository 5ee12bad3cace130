package org.tirelire.notification.subscription;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.EmailOutbox;
import org.tirelire.notification.email.EmailTemplates;
import org.tirelire.notification.email.OutgoingEmail;
import org.tirelire.notification.email.RenderedEmail;

/**
 * Campaign news reaches the donors who consented, each email with a one-click unsubscribe link and
 * the RFC 8058 headers that let mail clients offer it. Consent is asked for news only: receipts go
 * to every donor regardless.
 */
@Component
public class NewsEmails {

    private static final Logger log = LoggerFactory.getLogger(NewsEmails.class);

    private final NewsSubscribers subscribers;
    private final UnsubscribeLinks links;
    private final EmailOutbox outbox;
    private final CampaignSummaries campaigns;
    private final EmailTemplates templates;
    private final Clock clock;

    NewsEmails(
            NewsSubscribers subscribers,
            UnsubscribeLinks links,
            EmailOutbox outbox,
            CampaignSummaries campaigns,
            EmailTemplates templates,
            Clock clock) {
        this.templates = templates;
        this.subscribers = subscribers;
        this.links = links;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** A gift with news consent subscribes its donor to the campaign's news (again, if they had left). */
    public void rememberConsent(DonationConfirmed gift) {
        if (!gift.newsConsent() || gift.donor() == null || gift.donor().email().isBlank()) {
            return;
        }
        String id = NewsSubscriber.idOf(gift.campaignId(), gift.donor().email());
        subscribers.save(new NewsSubscriber(
                id,
                gift.campaignId(),
                gift.donor().email(),
                gift.donor().firstName(),
                gift.donor().locale(),
                true,
                clock.instant(),
                null));
    }

    /** A donor had their personal data erased: their consent for this campaign, and their address, go. */
    public void forget(DonorErased erased) {
        if (erased.donorEmailSha256() == null) {
            return;
        }
        subscribers.findByCampaignId(erased.campaignId()).stream()
                .filter(subscriber ->
                        DonorErased.emailSha256(subscriber.email()).equals(erased.donorEmailSha256()))
                .forEach(subscribers::delete);
    }

    public void send(NewsPublished news) {
        Optional<CampaignSummary> campaign = campaigns.findById(news.campaignId());
        String campaignTitle = campaign.map(CampaignSummary::title).orElse("");
        String organisationName =
                campaign.map(CampaignSummary::organisationName).orElse("");
        OutgoingEmail.@Nullable Sender sender =
                campaign.map(OutgoingEmail.Sender::forDonorsOf).orElse(null);
        int queued = 0;
        for (NewsSubscriber subscriber : subscribers.findByCampaignIdAndSubscribedTrue(news.campaignId())) {
            String unsubscribe = links.linkFor(subscriber.id());
            Map<String, String> headers = Map.of(
                    "List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            RenderedEmail email = templates.render(
                    "news",
                    EmailTemplates.localeOf(subscriber.locale()),
                    new Object[] {campaignTitle, news.title()},
                    Map.of(
                            "title",
                            news.title(),
                            "body",
                            news.body(),
                            "unsubscribeUrl",
                            unsubscribe,
                            "organisationName",
                            organisationName));
            if (outbox.enqueue(
                    "news:" + news.newsId() + ":" + subscriber.id(),
                    subscriber.email(),
                    email,
                    headers,
                    List.of(),
                    sender)) {
                queued++;
            }
        }
        log.info("News {} of campaign {} queued for {} subscribers", news.newsId(), news.campaignId(), queued);
    }
}
