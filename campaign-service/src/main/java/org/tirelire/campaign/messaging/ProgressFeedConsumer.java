package org.tirelire.campaign.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.campaign.progress.ProgressBroadcaster;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.EventTypes;
import org.tirelire.contracts.events.ProgressChanged;
import tools.jackson.core.JacksonException;

/**
 * Every instance listens to progress changes on {@code tirelire.campaign-progress} (an anonymous
 * consumer group each, from the latest offset), because a viewer's stream may be held by any instance,
 * not by the one that counted the gift.
 */
@Configuration
class ProgressFeedConsumer {

    private static final String PROGRESS_CHANGED = EventTypes.typeOf(ProgressChanged.class);

    @Bean
    Consumer<Message<byte[]>> progressFeed(EventCodec codec, ProgressBroadcaster broadcaster) {
        return message -> {
            CloudEvent event;
            try {
                event = codec.decode(message.getPayload());
            } catch (JacksonException unreadable) {
                return; // a live feed skips what it cannot read; totals do not depend on it
            }
            if (PROGRESS_CHANGED.equals(event.type())) {
                broadcaster.progressChanged(event.subject());
            }
        };
    }
}
