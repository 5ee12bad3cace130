package org.tirelire.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiConsumer;
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
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.kit.totals.EventPosition;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.DonationEmails;
import org.tirelire.notification.email.EmailOutbox;
import org.tirelire.notification.email.OrganiserEmails;
import org.tirelire.notification.fundraiser.FundraiserTotals;
import org.tirelire.notification.fundraiser.SupporterEmails;
import org.tirelire.notification.subscription.CampaignEndEmails;
import org.tirelire.notification.subscription.NewsEmails;
import org.tirelire.notification.webhook.Webhooks;
import tools.jackson.core.JacksonException;

/** What notification-service hears: campaigns (names, links, whether pages may open) and donations (thanks, page totals). */
@Configuration
class NotificationEventsConsumers {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsConsumers.class);

    @Bean
    Consumer<Message<byte[]>> campaignEvents(
            EventCodec codec,
            CampaignSummaries campaigns,
            NewsEmails news,
            OrganiserEmails organisers,
            SupporterEmails supporters,
            CampaignEndEmails campaignEnd,
            Webhooks webhooks) {
        return message -> handle(codec, message, (event, data) -> {
            organisationOf(data)
                    .ifPresent(organisationId -> webhooks.publish(
                            event, new String(message.getPayload(), StandardCharsets.UTF_8), organisationId));
            if (data instanceof CampaignPublished published) {
                campaigns.save(new CampaignSummary(
                        published.campaignId(),
                        published.organisationId(),
                        published.title(),
                        published.slug(),
                        published.goal().currency(),
                        true,
                        published.organiserEmail()));
                webhooks.campaignKnown(published.campaignId(), published.organisationId());
            } else if (data instanceof CampaignUpdated updated) {
                campaigns
                        .findById(updated.campaignId())
                        .map(known -> known.retitled(updated.title()))
                        .ifPresent(campaigns::save);
            } else if (data instanceof CampaignClosed closed) {
                campaigns
                        .findById(closed.campaignId())
                        .map(CampaignSummary::closed)
                        .ifPresent(campaigns::save);
                organisers.campaignClosed(closed);
                campaignEnd.campaignClosed(closed);
            } else if (data instanceof NewsPublished published) {
                news.send(published);
            } else if (data instanceof MilestoneReached milestone) {
                organisers.milestoneReached(milestone);
                supporters.milestoneReached(milestone);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> donationEvents(
            EventCodec codec,
            DonationEmails emails,
            FundraiserTotals pages,
            NewsEmails news,
            EmailOutbox outbox,
            SupporterEmails supporters,
            Webhooks webhooks) {
        return message -> handle(codec, message, (event, data) -> {
            EventPosition position = new EventPosition(
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                    message.getHeaders().get(KafkaHeaders.OFFSET, Long.class));
            if (data instanceof DonationConfirmed confirmed) {
                pages.on(confirmed, position);
                emails.thankDonor(confirmed);
                supporters.giftThroughPage(confirmed);
                news.rememberConsent(confirmed);
            } else if (data instanceof DonationRefunded refunded) {
                pages.on(refunded, position);
            }
            campaignOfGift(data)
                    .ifPresent(campaignId -> webhooks.publishForCampaign(
                            event, new String(message.getPayload(), StandardCharsets.UTF_8), campaignId));
            if (data instanceof DonorErased erased) {
                news.forget(erased);
                if (erased.donorEmailSha256() != null) {
                    int forgotten = outbox.eraseRecipient(erased.donorEmailSha256());
                    log.info("Donor of {} erased: {} emails forgotten", erased.donationId(), forgotten);
                }
            }
        });
    }

    /** The organisation a campaign event is about, for its webhooks. */
    private static Optional<String> organisationOf(Object data) {
        if (data instanceof CampaignPublished published) {
            return Optional.of(published.organisationId());
        } else if (data instanceof CampaignClosed closed) {
            return Optional.of(closed.organisationId());
        } else if (data instanceof MilestoneReached milestone) {
            return Optional.of(milestone.organisationId());
        } else if (data instanceof NewsPublished published) {
            return Optional.of(published.organisationId());
        }
        return Optional.empty();
    }

    /** The campaign a gift's event is about, for its organisation's webhooks. */
    private static Optional<String> campaignOfGift(Object data) {
        if (data instanceof DonationConfirmed confirmed) {
            return Optional.of(confirmed.campaignId());
        } else if (data instanceof DonationRefunded refunded) {
            return Optional.of(refunded.campaignId());
        } else if (data instanceof DonationFailed failed) {
            return Optional.of(failed.campaignId());
        }
        return Optional.empty();
    }

    private static void handle(EventCodec codec, Message<byte[]> message, BiConsumer<CloudEvent, Object> handler) {
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
                handler.accept(event, data);
            }
        }
    }
}
