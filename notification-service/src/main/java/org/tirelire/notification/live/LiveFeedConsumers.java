package org.tirelire.notification.live;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.MilestoneReached;
import tools.jackson.core.JacksonException;

/** The live feed's own consumers: an anonymous group per instance, from the latest offset. */
@Configuration
class LiveFeedConsumers {

    @Bean
    Consumer<Message<byte[]>> liveEvents(EventCodec codec, LiveFeed feed) {
        return message -> {
            Object data;
            try {
                data = codec.data(codec.decode(message.getPayload()));
            } catch (JacksonException unreadable) {
                return; // a live feed skips what it cannot read; nothing depends on it
            }
            if (data instanceof DonationConfirmed gift) {
                feed.gift(gift);
            } else if (data instanceof MilestoneReached milestone) {
                feed.milestone(milestone);
            }
        };
    }
}
