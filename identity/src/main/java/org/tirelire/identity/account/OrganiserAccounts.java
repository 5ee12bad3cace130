package org.tirelire.identity.account;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface OrganiserAccounts extends ReactiveMongoRepository<OrganiserAccount, String> {

    Mono<OrganiserAccount> findByEmail(String email);
}
