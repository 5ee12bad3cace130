package org.tirelire.identity.account;

import java.time.Duration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * One account per email, whatever the process's settings: the unique index exists before the module
 * serves its first sign-up (two sign-ups racing with the same email then get one account and one 409),
 * rather than depending on {@code spring.data.mongodb.auto-index-creation} being switched on. Named as
 * that setting names it, so the two agree where both run.
 */
@Component
class AccountIndexes {

    AccountIndexes(ReactiveMongoTemplate mongo) {
        mongo.indexOps(OrganiserAccount.class)
                .createIndex(
                        new Index("email", Sort.Direction.ASC).named("email").unique())
                .block(Duration.ofSeconds(30));
    }
}
