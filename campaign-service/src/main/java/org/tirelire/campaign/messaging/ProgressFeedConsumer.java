package org.tirelire.campaign.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.campaign.progress.ProgressBroadcaster;
import org.tirelire.contracts.events.CampaignEvent;
import org.tirelire.contracts.events.ProgressChanged;
import org.tirelire.kit.messaging.EventConsumers;

/**
 * Every instance listens to progress changes on {@code tirelire.campaign-progress} (an anonymous
 * consumer group each, from the latest offset), because a viewer's stream may be held by any instance,
 * not by the one that counted the gift.
 */
@Configuration
class ProgressFeedConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> progressFeed(EventConsumers events, ProgressBroadcaster broadcaster) {
        CampaignEvent.Handler feed = new CampaignEvent.Handler() {
            @Override
            public void on(ProgressChanged progress) {
                broadcaster.progressChanged(progress.campaignId());
            }
        };
        // A poll's records in one call, each handled alone: one call per counted gift cost more than the news.
        return events.pollsOf(CampaignEvent.class, Runnable::run, heard -> heard.event().dispatchTo(feed));
    }
}
