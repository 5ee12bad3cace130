package org.tirelire.notification.webhook;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EventsAwaitingCampaign extends MongoRepository<EventAwaitingCampaign, String> {

    List<EventAwaitingCampaign> findByCampaignId(String campaignId);
}
