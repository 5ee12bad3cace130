package org.tirelire.campaign.news;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface NewsRepository extends MongoRepository<News, String> {

    List<News> findByCampaignIdOrderByPublishedAtDesc(String campaignId);
}
