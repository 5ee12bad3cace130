package org.tirelire.donation.campaign;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CampaignSnapshots extends MongoRepository<CampaignSnapshot, String> {}
