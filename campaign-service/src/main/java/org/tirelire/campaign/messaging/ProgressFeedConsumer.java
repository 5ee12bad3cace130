package org.tirelire.campaign.messaging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        // A poll's records in one call: one call per counted gift cost more than the news. Viewers are sent a
        // campaign's progress as it stands, so once per poll is enough for the changes the poll carried.
        ThreadLocal<Set<String>> changedInPoll = ThreadLocal.withInitial(LinkedHashSet::new);
        CampaignEvent.Handler feed = new CampaignEvent.Handler() {
            @Override
            public void on(ProgressChanged progress) {
                changedInPoll.get().add(progress.campaignId());
            }
        };
        return events.pollsOf(
                CampaignEvent.class,
                poll -> {
                    Set<String> changed = changedInPoll.get();
                    changed.clear();
                    poll.run();
                    changed.forEach(broadcaster::progressChanged);
                },
                heard -> heard.event().dispatchTo(feed));
    }
}
