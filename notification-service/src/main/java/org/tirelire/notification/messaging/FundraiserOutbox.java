package org.tirelire.notification.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tirelire.kit.messaging.OutboxSource;
import org.tirelire.notification.fundraiser.FundraiserPage;

@Configuration
class FundraiserOutbox {

    /** A page's events have the page's slug as subject and its campaign as record key. */
    @Bean
    OutboxSource fundraiserEventsOutbox() {
        return new OutboxSource(FundraiserPage.class);
    }
}
