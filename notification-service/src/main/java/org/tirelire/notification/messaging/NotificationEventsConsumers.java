package org.tirelire.notification.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.kit.totals.EventPosition;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.DonationEmails;
import org.tirelire.notification.email.OrganiserEmails;
import org.tirelire.notification.fundraiser.FundraiserTotals;
import org.tirelire.notification.subscription.NewsEmails;
import tools.jackson.core.JacksonException;

/** What notification-service hears: campaigns (names, links, whether pages may open) and donations (thanks, page totals). */
@Configuration
class NotificationEventsConsumers {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsConsumers.class);

    @Bean
    Consumer<Message<byte[]>> campaignEvents(
            EventCodec codec, CampaignSummaries campaigns, NewsEmails news, OrganiserEmails organisers) {
        return message -> handle(codec, message, data -> {
            if (data instanceof CampaignPublished published) {
                campaigns.save(new CampaignSummary(
                        published.campaignId(),
                        published.organisationId(),
                        published.title(),
                        published.slug(),
                        published.goal().currency(),
                        true,
                        published.organiserEmail()));
            } else if (data instanceof CampaignClosed closed) {
                campaigns
                        .findById(closed.campaignId())
                        .map(CampaignSummary::closed)
                        .ifPresent(campaigns::save);
                organisers.campaignClosed(closed);
            } else if (data instanceof NewsPublished published) {
                news.send(published);
            } else if (data instanceof MilestoneReached milestone) {
                organisers.milestoneReached(milestone);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> donationEvents(
            EventCodec codec, DonationEmails emails, FundraiserTotals pages, NewsEmails news) {
        return message -> handle(codec, message, data -> {
            EventPosition position = new EventPosition(
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                    message.getHeaders().get(KafkaHeaders.OFFSET, Long.class));
            if (data instanceof DonationConfirmed confirmed) {
                pages.on(confirmed, position);
                emails.thankDonor(confirmed);
                news.rememberConsent(confirmed);
            } else if (data instanceof DonationRefunded refunded) {
                pages.on(refunded, position);
            }
        });
    }

    private static void handle(EventCodec codec, Message<byte[]> message, Consumer<Object> handler) {
        CloudEvent event;
        try {
            event = codec.decode(message.getPayload());
        } catch (JacksonException unreadable) {
            log.error("Skipping an unreadable record: {}", unreadable.getOriginalMessage());
            return;
        }
        try (var ignored = MDC.putCloseable(Correlation.LOG_KEY, event.correlationid())) {
            Object data = codec.data(event);
            if (data != null) {
                handler.accept(data);
            }
        }
    }
}
