package org.tirelire.donation.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.CampaignEvent;
import org.tirelire.contracts.events.ProgressChanged;
import org.tirelire.donation.admission.GiftAdmission;
import org.tirelire.kit.messaging.EventConsumers;

/**
 * How late the thermometers are, for the gifts' admission (ADR 39): each instance hears every progress
 * campaign-service announces on {@code tirelire.campaign-progress} (an anonymous consumer group each, from
 * the latest offset: only the present matters), and hands the admission the confirmation time of the latest
 * gift it counted. Nothing is read or written.
 */
@Configuration
class CountedProgressConsumer {

    @Bean
    Consumer<Message<byte[]>> countedProgress(EventConsumers events, GiftAdmission admission) {
        CampaignEvent.Handler counts = new CampaignEvent.Handler() {
            @Override
            public void on(ProgressChanged progress) {
                admission.countHeard(progress.changedAt());
            }
        };
        return events.of(CampaignEvent.class, heard -> heard.event().dispatchTo(counts));
    }
}
