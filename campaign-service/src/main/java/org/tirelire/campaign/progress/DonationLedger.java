package org.tirelire.campaign.progress;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface DonationLedger extends MongoRepository<LedgerEntry, String> {

    List<LedgerEntry> findByCampaignId(String campaignId);
}
