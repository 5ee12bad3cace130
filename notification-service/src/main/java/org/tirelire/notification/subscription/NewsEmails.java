package org.tirelire.notification.subscription;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.EmailOutbox;
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
    private final Clock clock;

    NewsEmails(
            NewsSubscribers subscribers,
            UnsubscribeLinks links,
            EmailOutbox outbox,
            CampaignSummaries campaigns,
            Clock clock) {
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

    public void send(NewsPublished news) {
        String campaignTitle = campaigns
                .findById(news.campaignId())
                .map(CampaignSummary::title)
                .orElse("");
        int queued = 0;
        for (NewsSubscriber subscriber : subscribers.findByCampaignIdAndSubscribedTrue(news.campaignId())) {
            String unsubscribe = links.linkFor(subscriber.id());
            boolean english = "en".equals(subscriber.locale());
            String subject = (english ? "News from " : "Des nouvelles de ") + campaignTitle + " : " + news.title();
            String footer = english
                    ? "You receive this because you asked for this campaign's news. Unsubscribe: "
                    : "Vous recevez ce message car vous avez demandé les actualités de cette campagne. Se désinscrire : ";
            String text = news.title() + "\n\n" + news.body() + "\n\n--\n" + footer + unsubscribe + "\n";
            String html = "<!doctype html><html><body style=\"font-family:sans-serif\"><h1>"
                    + HtmlUtils.htmlEscape(news.title())
                    + "</h1><p style=\"white-space:pre-line\">" + HtmlUtils.htmlEscape(news.body())
                    + "</p><hr><p style=\"color:#555;font-size:small\">" + HtmlUtils.htmlEscape(footer)
                    + "<a href=\"" + HtmlUtils.htmlEscape(unsubscribe) + "\">"
                    + (english ? "unsubscribe" : "se désinscrire")
                    + "</a></p></body></html>";
            Map<String, String> headers = Map.of(
                    "List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            if (outbox.enqueue(
                    "news:" + news.newsId() + ":" + subscriber.id(),
                    subscriber.email(),
                    new RenderedEmail(subject, text, html),
                    headers)) {
                queued++;
            }
        }
        log.info("News {} of campaign {} queued for {} subscribers", news.newsId(), news.campaignId(), queued);
    }
}
