package org.tirelire.donation.payment.account;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PaymentAccounts extends MongoRepository<PaymentAccount, String> {}
