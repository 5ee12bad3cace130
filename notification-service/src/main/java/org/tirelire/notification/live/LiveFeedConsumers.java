package org.tirelire.notification.live;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationMessageHidden;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.kit.messaging.EventConsumers;

/** The live feed's own consumers: an anonymous group per instance, from the latest offset. */
@Configuration
class LiveFeedConsumers {

    /** The feed listens to both topics: gifts, and campaigns' milestones. */
    @Bean
    Consumer<Message<List<byte[]>>> liveEvents(EventConsumers events, LiveFeed feed) {
        TirelireEvent.Handler live = new TirelireEvent.Handler() {
            @Override
            public void on(DonationConfirmed gift) {
                feed.gift(gift);
            }

            @Override
            public void on(MilestoneReached milestone) {
                feed.milestone(milestone);
            }

            @Override
            public void on(DonationMessageHidden hidden) {
                feed.hidden(hidden);
            }
        };
        // A poll's records in one call, each handled alone: one call per gift cost more than the gift's news.
        return events.pollsOf(
                TirelireEvent.class, Runnable::run, heard -> heard.event().dispatchTo(live));
    }
}
