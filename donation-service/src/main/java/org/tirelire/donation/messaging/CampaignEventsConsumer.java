package org.tirelire.donation.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignEvent;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.LiveCampaigns;
import org.tirelire.donation.donation.DonationLifecycle;
import org.tirelire.donation.reward.RewardStocks;
import org.tirelire.donation.subscription.Subscriptions;
import org.tirelire.kit.messaging.EventConsumers;

/**
 * Keeps the local campaign snapshots in step with campaign-service, and refunds every gift of a
 * campaign that closed without keeping them, whose regular gifts stop too (a campaign that ended as
 * planned passes its regular gifts to the general fund instead, ADR 28). All of it is idempotent: a
 * redelivered event changes nothing more.
 */
@Configuration
class CampaignEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> campaignEvents(
            EventConsumers events,
            LiveCampaigns snapshots,
            RewardStocks rewardStocks,
            DonationLifecycle lifecycle,
            Subscriptions recurring) {
        CampaignEvent.Handler handler = new CampaignSnapshotsFollower(snapshots, rewardStocks, lifecycle, recurring);
        return events.of(CampaignEvent.class, heard -> heard.event().dispatchTo(handler));
    }

    /** What each campaign event changes here. */
    private record CampaignSnapshotsFollower(
            LiveCampaigns snapshots, RewardStocks rewardStocks, DonationLifecycle lifecycle, Subscriptions recurring)
            implements CampaignEvent.Handler {

        private static final Logger log = LoggerFactory.getLogger(CampaignEventsConsumer.class);

        @Override
        public void on(CampaignPublished published) {
            published
                    .rewards()
                    .forEach(reward -> rewardStocks.offer(reward.rewardId(), published.campaignId(), reward.limit()));
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
        }

        @Override
        public void on(CampaignUpdated updated) {
            snapshots.stored(updated.campaignId()).ifPresent(known -> {
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
        }

        @Override
        public void on(CampaignClosed closed) {
            if (closed.requiresRefunds()) {
                // Stopped before the campaign is seen closed: no charge of theirs goes to the general fund.
                int stopped = recurring.stopAllFor(closed.campaignId());
                log.info(
                        "Campaign {} closed as {}: {} regular gifts stopped",
                        closed.campaignId(),
                        closed.outcome(),
                        stopped);
            }
            snapshots
                    .stored(closed.campaignId())
                    .map(known -> known.closed(closed.outcome()))
                    .ifPresent(snapshots::save);
            if (!closed.requiresRefunds()) {
                // Once the campaign is seen closed, so that no charge goes to it after its donor was told.
                int moved = recurring.passToGeneralFund(closed.campaignId(), closed.closedAt());
                if (moved > 0) {
                    log.info(
                            "Campaign {} ended: {} regular gifts go on for the general fund",
                            closed.campaignId(),
                            moved);
                }
            }
            if (closed.requiresRefunds()) {
                // Another instance may still take or confirm a gift from a copy read before the save above; any
                // gift confirmed after this wait reads the end and is given back on its confirmation (ADR 51).
                snapshots.waitForCopiesOlderThanNow();
                int refunded = lifecycle.refundAllOf(CampaignId.of(closed.campaignId()));
                log.info(
                        "Campaign {} closed as {}: {} gifts refunded", closed.campaignId(), closed.outcome(), refunded);
            }
        }
    }
}
