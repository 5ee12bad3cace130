package org.tirelire.donation.idempotency;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface IdempotencyRecords extends MongoRepository<IdempotencyRecord, String> {}
