package org.tirelire.notification.campaign;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CampaignSummaries extends MongoRepository<CampaignSummary, String> {}
