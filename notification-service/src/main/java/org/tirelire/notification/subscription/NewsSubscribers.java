package org.tirelire.notification.subscription;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface NewsSubscribers extends MongoRepository<NewsSubscriber, String> {

    List<NewsSubscriber> findByCampaignIdAndSubscribedTrue(String campaignId);

    List<NewsSubscriber> findByCampaignId(String campaignId);
}
