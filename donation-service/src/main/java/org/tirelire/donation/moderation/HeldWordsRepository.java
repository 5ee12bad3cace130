package org.tirelire.donation.moderation;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface HeldWordsRepository extends MongoRepository<HeldWords, String> {}
