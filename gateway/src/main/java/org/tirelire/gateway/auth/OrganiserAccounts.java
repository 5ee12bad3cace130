package org.tirelire.gateway.auth;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface OrganiserAccounts extends ReactiveMongoRepository<OrganiserAccount, String> {

    Mono<OrganiserAccount> findByEmail(String email);
}
