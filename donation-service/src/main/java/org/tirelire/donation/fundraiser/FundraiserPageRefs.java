package org.tirelire.donation.fundraiser;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface FundraiserPageRefs extends MongoRepository<FundraiserPageRef, String> {}
