package org.tirelire.donation.campaign;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.donation.donation.DonationLifecycle;
import org.tirelire.donation.reward.RewardStocks;
import tools.jackson.core.JacksonException;

/**
 * Keeps the local campaign snapshots in step with campaign-service, and refunds every gift of a
 * campaign that closed without keeping them. All of it is idempotent: a redelivered event changes nothing more.
 */
@Configuration
class CampaignEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(CampaignEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> campaignEvents(
            EventCodec codec, CampaignSnapshots snapshots, RewardStocks rewardStocks, DonationLifecycle lifecycle) {
        return message -> {
            CloudEvent event;
            try {
                event = codec.decode(message.getPayload());
            } catch (JacksonException unreadable) {
                log.error("Skipping an unreadable record on the campaign topic: {}", unreadable.getOriginalMessage());
                return;
            }
            try (var ignored = MDC.putCloseable(Correlation.LOG_KEY, event.correlationid())) {
                Object data = codec.data(event);
                if (data instanceof CampaignPublished published) {
                    published
                            .rewards()
                            .forEach(reward ->
                                    rewardStocks.offer(reward.rewardId(), published.campaignId(), reward.limit()));
                    snapshots.save(new CampaignSnapshot(
                            published.campaignId(),
                            published.organisationId(),
                            published.title(),
                            published.goal().currency(),
                            true,
                            published.rewards().stream()
                                    .map(r -> new CampaignSnapshot.RewardSnapshot(
                                            r.rewardId(), r.title(), r.minAmount(), r.limit()))
                                    .toList()));
                } else if (data instanceof CampaignUpdated updated) {
                    snapshots.findById(updated.campaignId()).ifPresent(known -> {
                        updated.rewards()
                                .forEach(reward -> rewardStocks.changeLimit(
                                        reward.rewardId(),
                                        updated.campaignId(),
                                        known.reward(reward.rewardId())
                                                .map(CampaignSnapshot.RewardSnapshot::limit)
                                                .orElse(null),
                                        reward.limit()));
                        snapshots.save(known.updatedTo(updated));
                    });
                } else if (data instanceof CampaignClosed closed) {
                    snapshots
                            .findById(closed.campaignId())
                            .map(CampaignSnapshot::closed)
                            .ifPresent(snapshots::save);
                    if (closed.requiresRefunds()) {
                        int refunded = lifecycle.refundAllOf(closed.campaignId());
                        log.info(
                                "Campaign {} closed as {}: {} gifts refunded",
                                closed.campaignId(),
                                closed.outcome(),
                                refunded);
                    }
                }
            }
        };
    }
}
