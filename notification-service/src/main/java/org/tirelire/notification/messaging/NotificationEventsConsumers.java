package org.tirelire.notification.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.DonationEmails;
import tools.jackson.core.JacksonException;

/** What notification-service hears: campaigns (for names and links) and donations (to thank donors). */
@Configuration
class NotificationEventsConsumers {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsConsumers.class);

    @Bean
    Consumer<Message<byte[]>> campaignEvents(EventCodec codec, CampaignSummaries campaigns) {
        return message -> handle(codec, message, data -> {
            if (data instanceof CampaignPublished published) {
                campaigns.save(new CampaignSummary(
                        published.campaignId(), published.organisationId(), published.title(), published.slug()));
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> donationEvents(EventCodec codec, DonationEmails emails) {
        return message -> handle(codec, message, data -> {
            if (data instanceof DonationConfirmed confirmed) {
                emails.thankDonor(confirmed);
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
