package org.tirelire.donation.fundraiser;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.FundraiserPageCreated;
import tools.jackson.core.JacksonException;

/** Keeps the slugs of collection pages, so a gift naming an unknown page is refused before payment. */
@Configuration
class FundraiserEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(FundraiserEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> fundraiserEvents(EventCodec codec, FundraiserPageRefs pages) {
        return message -> {
            Object data;
            try {
                data = codec.data(codec.decode(message.getPayload()));
            } catch (JacksonException unreadable) {
                log.error("Skipping an unreadable record on the fundraiser topic: {}", unreadable.getOriginalMessage());
                return;
            }
            if (data instanceof FundraiserPageCreated created) {
                pages.save(new FundraiserPageRef(created.slug(), created.campaignId()));
            }
        };
    }
}
