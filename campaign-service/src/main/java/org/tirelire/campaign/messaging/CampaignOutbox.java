package org.tirelire.campaign.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tirelire.campaign.campaign.Campaign;
import org.tirelire.campaign.news.News;
import org.tirelire.kit.messaging.OutboxSource;

@Configuration
class CampaignOutbox {

    /** A campaign's events are about the campaign itself: its id is both subject and record key. */
    @Bean
    OutboxSource campaignEventsOutbox() {
        return new OutboxSource(Campaign.class);
    }

    /** News is keyed by its campaign, so it follows the campaign's other events in order. */
    @Bean
    OutboxSource newsEventsOutbox() {
        return new OutboxSource(News.class);
    }
}
