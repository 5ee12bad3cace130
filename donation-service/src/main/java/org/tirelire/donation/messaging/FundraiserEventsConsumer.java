package org.tirelire.donation.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.FundraiserEvent;
import org.tirelire.contracts.events.FundraiserPageCreated;
import org.tirelire.donation.fundraiser.FundraiserPageRef;
import org.tirelire.donation.fundraiser.FundraiserPageRefs;
import org.tirelire.kit.messaging.EventConsumers;

/** Keeps the slugs of collection pages, so a gift naming an unknown page is refused before payment. */
@Configuration
class FundraiserEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> fundraiserEvents(EventConsumers events, FundraiserPageRefs pages) {
        FundraiserEvent.Handler handler = new FundraiserEvent.Handler() {
            @Override
            public void on(FundraiserPageCreated created) {
                pages.save(new FundraiserPageRef(created.slug(), created.campaignId()));
            }
        };
        return events.of(FundraiserEvent.class, heard -> heard.event().dispatchTo(handler));
    }
}
