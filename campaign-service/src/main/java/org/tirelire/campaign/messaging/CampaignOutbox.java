package org.tirelire.campaign.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tirelire.campaign.campaign.Campaign;
import org.tirelire.kit.messaging.OutboxSource;

@Configuration
class CampaignOutbox {

    /** A campaign's events are about the campaign itself: its id is both subject and record key. */
    @Bean
    OutboxSource campaignEventsOutbox() {
        return new OutboxSource(Campaign.class, "_id");
    }
}
