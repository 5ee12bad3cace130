package org.tirelire.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.EventTypes;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.contracts.ids.GeneralFund;
import org.tirelire.kit.cache.RecentReads;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.campaign.KnownCampaigns;

/**
 * Turns the platform's events into deliveries for the organisations' webhooks: each event of a type a
 * webhook asked for, about one of its organisation's campaigns, is queued once for that webhook, and
 * {@link WebhookDispatcher} delivers it.
 */
@Component
public class Webhooks {

    /** What an organisation may subscribe to: the CloudEvents types its receivers will see. */
    public static final List<String> EVENT_TYPES = List.of(
            EventTypes.typeOf(DonationConfirmed.class),
            EventTypes.typeOf(DonationRefunded.class),
            EventTypes.typeOf(DonationFailed.class),
            EventTypes.typeOf(CampaignPublished.class),
            EventTypes.typeOf(MilestoneReached.class),
            EventTypes.typeOf(NewsPublished.class),
            EventTypes.typeOf(CampaignClosed.class));

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final KnownCampaigns campaigns;
    private final EventsAwaitingCampaign awaitingCampaign;
    private final Clock clock;
    /** Each organisation's webhooks, and under {@link #ANY_ORGANISATION} whether any exists (ADR 38). */
    private final RecentReads<String, List<WebhookSubscription>> recentSubscriptions;

    private static final String ANY_ORGANISATION = "";

    Webhooks(
            WebhookSubscriptions subscriptions,
            WebhookDeliveries deliveries,
            WebhookDispatcher dispatcher,
            KnownCampaigns campaigns,
            EventsAwaitingCampaign awaitingCampaign,
            Clock clock,
            @Value("${tirelire.notifications.webhook-cache:2s}") Duration cacheFor) {
        this.recentSubscriptions = new RecentReads<>(cacheFor);
        this.campaigns = campaigns;
        this.awaitingCampaign = awaitingCampaign;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Queues {@code event} for every webhook of {@code organisationId} that wants its type.
     *
     * @param body the CloudEvent exactly as it was published, delivered as it is
     */
    public void publish(CloudEvent event, String body, String organisationId) {
        publish(event.id(), event.type(), body, organisationId);
    }

    private void publish(String eventId, String eventType, String body, String organisationId) {
        if (!EVENT_TYPES.contains(eventType)) {
            return;
        }
        boolean queued = false;
        for (WebhookSubscription webhook : webhooksOf(organisationId)) {
            if (webhook.wants(eventType)
                    && queue(WebhookDelivery.pending(webhook, eventId, eventType, body, clock.instant()))) {
                queued = true;
            }
        }
        if (queued) {
            dispatcher.wakeUp();
        }
    }

    /** An organisation added or removed a webhook: this replica sends it events at once, others within 2 s. */
    void webhooksChanged(String organisationId) {
        recentSubscriptions.forget(organisationId);
        recentSubscriptions.forget(ANY_ORGANISATION);
    }

    private List<WebhookSubscription> webhooksOf(String organisationId) {
        return recentSubscriptions
                .get(organisationId, id -> Optional.of(subscriptions.findByOrganisationIdOrderByCreatedAtAsc(id)))
                .orElseThrow();
    }

    /** Most platforms have no webhook at all: then a gift's event costs no further read. */
    private boolean anyWebhook() {
        return !recentSubscriptions
                .get(
                        ANY_ORGANISATION,
                        any -> Optional.of(
                                subscriptions.findAll(PageRequest.of(0, 1)).getContent()))
                .orElseThrow()
                .isEmpty();
    }

    void wakeUpDispatcher() {
        dispatcher.wakeUp();
    }

    /**
     * The same, for an event about a campaign (a gift, a refund) that does not name its organisation:
     * the campaign's publication, heard on another topic, tells. An event heard before that publication
     * waits for it (see {@link #campaignKnown}) rather than being lost, and holds nothing else up: the
     * thank-you email and the page totals of the same event go on.
     */
    public void publishForCampaign(CloudEvent event, String body, String campaignId) {
        if (!EVENT_TYPES.contains(event.type()) || !anyWebhook()) {
            return;
        }
        if (GeneralFund.is(campaignId)) {
            publish(event, body, GeneralFund.organisationOf(campaignId));
            return;
        }
        Optional<CampaignSummary> campaign = campaigns.find(campaignId);
        if (campaign.isPresent()) {
            publish(event, body, campaign.get().organisationId());
            return;
        }
        awaitingCampaign.save(new EventAwaitingCampaign(event.id(), campaignId, event.type(), body, clock.instant()));
        log.info("Webhooks for {} {} wait for the publication of campaign {}", event.type(), event.id(), campaignId);
        // The publication may have been saved between our look and our save: then nobody else releases it.
        campaigns.find(campaignId).ifPresent(known -> campaignKnown(campaignId, known.organisationId()));
    }

    /**
     * Called once a campaign's publication is saved: queues the gifts' events that arrived before it.
     * Safe to run twice for the same event, from both consumers: a delivery is queued once per webhook.
     */
    public void campaignKnown(String campaignId, String organisationId) {
        for (EventAwaitingCampaign waiting : awaitingCampaign.findByCampaignId(campaignId)) {
            publish(waiting.eventId(), waiting.eventType(), waiting.body(), organisationId);
            awaitingCampaign.deleteById(waiting.eventId());
        }
    }

    /** False when this event was already queued for this webhook (the event was heard twice). */
    boolean queue(WebhookDelivery delivery) {
        try {
            deliveries.insert(delivery);
            log.info("Webhook delivery {} of {} queued", delivery.id(), delivery.eventType());
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }
}
