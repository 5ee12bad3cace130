package org.tirelire.notification.fundraiser;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface FundraiserPages extends MongoRepository<FundraiserPage, String> {

    /** Sorted by the caller: highest raised first. */
    List<FundraiserPage> findByCampaignIdAndStatusNot(String campaignId, PageStatus status, Pageable page);
}
