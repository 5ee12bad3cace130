package org.tirelire.donation.subscription;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ChargeClaims extends MongoRepository<ChargeClaim, String> {}
