package org.tirelire.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tirelire.identity.AuthProperties;
import org.tirelire.identity.api.TooManyFailedLogins;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing on one account, wherever the guesses come from (the per-address rate
 * limit covers one source guessing many accounts): after {@code failedLoginLimit} failures within the
 * window, that email's logins are refused until the window ends, with the right password too, so the
 * answer tells a guesser nothing. Counted in the identity database, so every instance agrees.
 * A lock is temporary by design: someone who knows an organiser's email can delay their login by at
 * most one window at a time.
 */
@Component
class LoginThrottle {

    private final ReactiveMongoTemplate mongo;
    private final AuthProperties properties;
    private final Clock clock;

    LoginThrottle(ReactiveMongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Completes empty when the email may try; fails with {@link TooManyFailedLogins} when it is locked. */
    Mono<Void> checkAllowed(String email) {
        Instant now = clock.instant();
        return mongo.findById(email, LoginFailures.class)
                .filter(failures ->
                        failures.lockedUntil() != null && failures.lockedUntil().isAfter(now))
                .flatMap(locked ->
                        Mono.<Void>error(new TooManyFailedLogins(Duration.between(now, locked.lockedUntil()))));
    }

    /** Counts a failure, atomically; the limit reached locks the email for one window. */
    Mono<Void> failed(String email) {
        Instant now = clock.instant();
        Instant windowOpenedAfter = now.minus(properties.failedLoginWindow());
        // A window that is over starts again at this failure.
        Mono<LoginFailures> counted = mongo.findAndModify(
                        Query.query(Criteria.where("_id")
                                .is(email)
                                .and("windowStart")
                                .gt(windowOpenedAfter)),
                        new Update().inc("failures", 1),
                        FindAndModifyOptions.options().returnNew(true),
                        LoginFailures.class)
                .switchIfEmpty(mongo.save(new LoginFailures(email, 1, now, null)));
        return counted.flatMap(failures -> failures.failures() >= properties.failedLoginLimit()
                        ? mongo.save(new LoginFailures(
                                email,
                                failures.failures(),
                                failures.windowStart(),
                                now.plus(properties.failedLoginWindow())))
                        : Mono.just(failures))
                .then();
    }

    Mono<Void> succeeded(String email) {
        return mongo.remove(Query.query(Criteria.where("_id").is(email)), LoginFailures.class)
                .then();
    }
}
